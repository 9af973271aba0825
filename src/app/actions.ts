import { z } from "zod";
import { AGENDA, type PointForm } from "../domain/agenda.ts";

/**
 * The one catalogue of what a user can do with a button or a card: each action's id (Slack's action_id or modal
 * callback_id, the cards' Action.Execute verb) and the schema of what the button carries. Both platforms draw and
 * route these ids and parse with these schemas, so an action has one name everywhere.
 *
 * Payload keys are kept to a letter, as Slack's button values and the cards' data travel with every message:
 * d discussion, v the discussion version the user saw, p agenda point, e entry, f a point's own form, k a form kind,
 * a an amendment to a concluded discussion (confirmed), h a form saved anyway after its health warning; a thread
 * reply by c its conversation, t its thread, m its message and x its text.
 */

const discussion = z.string().min(1).max(200);
const entry = z.string().min(1).max(200);
const version = z.int();
// Any whole number: a point the agenda does not have is refused by the use case, in its own words.
const point = z.int();
const POINT_FORMS = AGENDA.flatMap((p) => (p.form ? [p.form] : [])) as [PointForm, ...PointForm[]];
const pointForm = z.enum(POINT_FORMS);
const formKind = z.enum(["note", "decision", "goal", "pre_input", ...POINT_FORMS]);

/**
 * button: a click that acts or opens a form; submit: a filled-in form sent; close: closes a form drawn inside a
 * card (a platform whose forms are modals closes them itself); refresh: asks for a card as the person looking may
 * use it (a platform that draws one message for everyone has no such thing).
 */
export type ActionKind = "button" | "submit" | "close" | "refresh";

export interface UserAction<Id extends string = string, Schema extends z.ZodType = z.ZodType> {
  id: Id;
  kind: ActionKind;
  payload: Schema;
}

const action = <const Id extends string, const Shape extends z.ZodRawShape>(
  id: Id,
  kind: ActionKind,
  shape: Shape,
): UserAction<Id, z.ZodObject<Shape, z.core.$strict>> => ({ id, kind, payload: z.strictObject(shape) });

/** Set on a button or form that adds to a concluded discussion's record, after the user has confirmed it. */
const amending = z.literal(1).optional();
const atPoint = { d: discussion, p: point, v: version.optional(), a: amending };
const move = { d: discussion, p: point, v: version };

export const ACTIONS = {
  /** Opens the note form of a point. */
  note: action("point_note", "button", atPoint),
  /** Opens the decision form (owner, deadline). */
  decision: action("point_decision", "button", atPoint),
  /** Opens the goal form (success criterion, deadline). */
  goal: action("point_goal", "button", atPoint),
  /** Opens the point's own form (minute-taker, accidents, cooperation plan …). */
  pointForm: action("point_form", "button", { ...atPoint, f: pointForm }),
  /** Saves an entry form; with `e` it changes that entry. `pre_input` is input before the meeting (no point). */
  saveEntry: action("entry_form", "submit", {
    d: discussion,
    k: formKind,
    p: point.optional(),
    e: entry.optional(),
    a: amending,
    /**
     * Saved anyway, although the text names a person together with a health word: the warned save's key, so a
     * double click on "Gem alligevel" saves once. (Slack's modal confirms with a checkbox instead.)
     */
    h: z.string().min(1).max(200).optional(),
  }),
  /**
   * "Gem alligevel" on a thread reply held back for naming a person with a health word. Slack reads the reply's text
   * from Slack again (a button value holds 2,000 characters); the cards carry it in `x`.
   */
  saveReply: action("reply_save", "button", {
    c: z.string().min(1).max(300),
    t: z.string().min(1).max(300),
    m: z.string().min(1).max(300),
    x: z.string().min(1).max(20_000).optional(),
    /** The reply's writer, who alone may save it (a card can land in the thread when no private chat can be had). */
    w: z.string().min(1).max(300).optional(),
  }),
  /**
   * "Add to the minutes" on a concluded discussion's point: asks to confirm that this makes a new version to approve
   * again, then offers the point's forms as amendments.
   */
  amend: action("point_amend", "button", { d: discussion, p: point, v: version.optional() }),
  /** "Ret eller fjern" on a point: the entries there that the person may change or remove, to choose from. */
  change: action("point_change", "button", { d: discussion, p: point }),
  /**
   * The entry chosen (the form's input) to change (`w` "edit") or remove ("remove"). Slack's modal asks which with
   * an input instead, so there `w` is left out.
   */
  chooseChange: action("entry_change", "submit", {
    d: discussion,
    p: point,
    w: z.enum(["edit", "remove"]).optional(),
  }),
  /** Removes the entry, once its removal is confirmed. */
  removeEntry: action("entry_remove", "submit", { e: entry, d: discussion, p: point }),
  /** Closes a form drawn under a point's card: the card as it is now. */
  closeForm: action("form_close", "close", { d: discussion, p: point }),
  /** A card's refresh: a point's (p) or the summary's (s) card drawn with the buttons the asking person may use. */
  cardForMe: action("card_mine", "refresh", {
    d: discussion,
    p: point.optional(),
    s: z.literal(1).optional(),
  }),
  previous: action("point_previous", "button", move),
  /** Skips the point: it stays open for entries and shows as skipped in the summary. */
  skip: action("point_skip", "button", move),
  next: action("point_next", "button", move),
  /** Goes to point `p`: from the completeness check, back to where a missing item is dealt with. */
  goto: action("point_goto", "button", move),
  /** Concludes; from the last point's message or from the board. */
  conclude: action("discussion_conclude", "button", { d: discussion, v: version, p: point.optional() }),
  /** Asks why the discussion is concluded although something is missing. */
  concludeAnyway: action("discussion_conclude_anyway", "button", { d: discussion, v: version }),
  /** Concludes although something is missing, with the reason given (the form's input). */
  concludeReason: action("conclude_reason", "submit", { d: discussion, v: version }),
  approve: action("summary_approve", "button", { d: discussion, v: version }),
  /** Starts the discussion, from the meeting reminder. */
  start: action("discussion_start", "button", { d: discussion }),
  /** Opens the form for input to any agenda point before the meeting. */
  preInput: action("discussion_pre_input", "button", { d: discussion }),
  /** Sends the person the planned meeting's calendar invitation, privately (from their own page). */
  sendInvitation: action("send_invitation", "button", { d: discussion }),
  /** Opens the preparation round's form, from the private message that asks for input before the meeting. */
  roundOpen: action("round_open", "button", { d: discussion }),
  /** Sends the preparation round's form (a text per point, point 6's figures): the person's one answer. */
  roundSave: action("round_form", "submit", { d: discussion }),
  /** Marks a decision or goal done, from its deadline reminder. */
  entryDone: action("entry_done", "button", { e: entry }),
  /** Asks for a new deadline for a decision or goal. */
  postpone: action("entry_postpone", "button", { e: entry }),
  /** Saves the new deadline. */
  savePostpone: action("postpone_form", "submit", { e: entry }),
  /** Saves the setup (headcount, AMO members, place, language, reminders). */
  setup: action("setup_form", "submit", {}),
  /** Plans or moves the meeting. */
  plan: action("plan_form", "submit", {}),
} as const;

export type ActionName = keyof typeof ACTIONS;
export type ActionId = (typeof ACTIONS)[ActionName]["id"];
/** What the action `A`'s button carries. */
export type Payload<A extends UserAction> = z.infer<A["payload"]>;

/** Every action in the catalogue. */
export const ALL_ACTIONS: readonly UserAction<ActionId>[] = Object.values(ACTIONS);

/** The action with this id, or null for an id that is not (or no longer) one of ours. */
export function actionById(id: string): UserAction<ActionId> | null {
  return ALL_ACTIONS.find((a) => a.id === id) ?? null;
}

/** What a button carries, checked against its action's schema; null when it does not fit. */
export function parsePayload<A extends UserAction>(action: A, value: unknown): Payload<A> | null {
  const parsed = action.payload.safeParse(value);
  return parsed.success ? (parsed.data as Payload<A>) : null;
}
