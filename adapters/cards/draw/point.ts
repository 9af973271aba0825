import type { PointView, ViewEntry } from "../../../src/app/chat-port.ts";
import { ACTIONS } from "../../../src/app/index.ts";
import type { MessageKey } from "../../../src/i18n/index.ts";
import { t } from "../texts.ts";
import {
  type AdaptiveCard,
  actionSet,
  type Element,
  escapeMd,
  execute,
  heading,
  notice,
  paginate,
  paragraphs,
  subheading,
  subtle,
  textBlock,
} from "./card.ts";
import { type Changing, changeElements } from "./change.ts";
import { type FormState, formElements } from "./form.ts";
import { may, refreshOf } from "./refresh.ts";

export interface PointCardOptions {
  /**
   * An open form under the point (shown only to the user who asked for it, in the invoke response); `amend` marks it
   * as a confirmed addition to a concluded record; `anyway`, the warned save's key, offers "Gem alligevel" after a
   * health warning.
   */
  form?: FormState & { entryId?: string; amend?: boolean; anyway?: string };
  notice?: { text: string; tone: "good" | "attention" };
  /** The point's form buttons as an addition to the concluded record, after "add to the minutes" was pressed. */
  amending?: boolean;
  /** The person the card is drawn for (an action's answer); without one, the card everyone in the channel sees. */
  viewer?: string;
  /** "Ret eller fjern" open under the point (for the person who pressed it, as a form is). */
  changing?: Changing;
}

/** An entry as shown on its point's card: its label and text, then its details. */
function entryElements(entry: ViewEntry): Element[] {
  const d = entry.described;
  return [
    ...paragraphs(`**${escapeMd(d.label)}:** ${escapeMd(d.text)}`, { spacing: "Small" }),
    ...d.details.flatMap((x) => paragraphs(escapeMd(x), { isSubtle: true, spacing: "None" })),
  ];
}

/** The point's help and questions, and the goals carried over from last year. */
function questionElements(view: PointView): Element[] {
  const l = view.language;
  const elements = [
    subtle(`${t(l, `point.${view.status}`)} · ${view.help}`),
    subheading(t(l, "point.questions")),
    ...view.questions.map((q) => textBlock(`- ${escapeMd(q)}`, { spacing: "None" })),
  ];
  if (view.carriedGoals.length > 0) {
    elements.push(subheading(t(l, "point.carried_goals")));
    elements.push(
      ...view.carriedGoals.map((g) =>
        textBlock(`- ${escapeMd(g.text)} (${escapeMd(g.successCriterion)})`, { spacing: "None" }),
      ),
    );
  }
  // Point 7 in a first year: nothing from last year to assess, said during the meeting as on the record.
  if (view.firstYear) elements.push(subtle(t(l, "completeness.first_year")));
  if (view.earlier) elements.push(...view.earlier.map((line) => subtle(escapeMd(line))));
  if (view.round) {
    elements.push(subheading(view.round.heading), subtle(view.round.counts));
    elements.push(...view.round.inputs.map((x) => textBlock(`- ${escapeMd(x)}`, { spacing: "None" })));
  }
  return elements;
}

/** An open form under the point, with its save and cancel buttons. */
function openFormElements(view: PointView, form: NonNullable<PointCardOptions["form"]>): Element[] {
  const l = view.language;
  const data = { d: view.discussionId, p: view.number };
  const save = {
    ...data,
    k: form.spec.kind,
    ...(form.entryId ? { e: form.entryId } : {}),
    ...(form.amend ? { a: 1 as const } : {}),
  };
  const anyway = form.anyway
    ? [execute(t(l, "health.save_anyway"), ACTIONS.saveEntry, { ...save, h: form.anyway })]
    : [];
  return [
    ...formElements(form, l),
    actionSet([
      execute(form.spec.submit, ACTIONS.saveEntry, save, "positive"),
      ...anyway,
      execute(t(l, "teams.cancel"), ACTIONS.closeForm, data),
    ]),
  ];
}

/** The buttons that open a form: note, decision, goal, and the point's own form (as an amendment, when asked). */
function formButtons(view: PointView, amending = false): Element[] {
  const l = view.language;
  const at = { d: view.discussionId, p: view.number, ...(amending ? { a: 1 as const } : {}) };
  const buttons = [
    execute(t(l, "button.note"), ACTIONS.note, at),
    execute(t(l, "button.decision"), ACTIONS.decision, at),
    execute(t(l, "button.goal"), ACTIONS.goal, at),
  ];
  if (view.form)
    buttons.push(
      execute(t(l, `form.${view.form}.title` as MessageKey), ACTIONS.pointForm, { ...at, f: view.form }),
    );
  if (!amending && view.entryCount > 0)
    buttons.push(execute(t(l, "button.change"), ACTIONS.change, { d: view.discussionId, p: view.number }));
  return buttons;
}

/**
 * Back, skip, and next (or conclude on the last point), for the point the meeting is at. Conclude is drawn only for
 * those who may conclude; the others see who does, and `manual` asks for one's own buttons where Teams will not.
 */
function moveButtons(view: PointView, viewer: string | undefined, manual: Element[]): Element[] {
  const l = view.language;
  const at = { d: view.discussionId, p: view.number, v: view.version };
  const moves = [
    execute(t(l, "button.previous"), ACTIONS.previous, at),
    execute(t(l, "button.skip"), ACTIONS.skip, at),
  ];
  if (view.number < 11) moves.push(execute(t(l, "button.next"), ACTIONS.next, at, "positive"));
  else if (may(view.rights?.conclude, viewer))
    moves.push(execute(t(l, "button.conclude"), ACTIONS.conclude, at, "positive"));
  else return [subtle(t(l, "teams.employer_concludes")), actionSet([...moves, ...manual])];
  return [actionSet(moves)];
}

/** What has been recorded under the point, and where to write more. */
function recordedElements(view: PointView): Element[] {
  const l = view.language;
  const body: Element[] = [];
  const concluded = view.discussionStatus === "concluded" || view.discussionStatus === "approved";
  if (view.entries.length === 0)
    body.push(subtle(t(l, concluded ? "point.nothing_recorded" : "point.nothing_yet")));
  else {
    body.push(subheading(`${t(l, "point.recorded")} (${view.entryCount})`));
    if (view.entryCount > view.entries.length)
      body.push(
        subtle(t(l, "point.earlier_entries", { shown: view.entries.length, total: view.entryCount })),
      );
    for (const entry of view.entries) body.push(...entryElements(entry));
  }
  // A concluded record takes no more replies as notes: only "add to the minutes" changes it.
  if (!concluded) body.push(subtle(t(l, "point.thread_hint")));
  return body;
}

/** One agenda point: its questions, what has been recorded, and the buttons to record more or move on. */
export function pointCards(view: PointView, options: PointCardOptions = {}): AdaptiveCard[] {
  const l = view.language;
  const title = t(l, "point.header", { number: view.number, title: view.title });
  const head: Element[] = [heading(title)];
  if (options.notice) head.push(notice(options.notice.text, options.notice.tone));
  head.push(...questionElements(view));
  const concluded = view.discussionStatus === "concluded" || view.discussionStatus === "approved";
  const editable = view.discussionStatus !== "planned";
  if (options.form) head.push(...openFormElements(view, options.form));
  else if (options.changing) head.push(...changeElements(view, options.changing));
  // While the point is open, the buttons that record come first and moving on after them, above what is recorded.
  const open = editable && !concluded && !options.form && !options.changing;
  const actions = concluded && !options.form ? concludedButtons(view, options.amending) : [];
  if (concluded && !options.form && !options.amending) head.push(subtle(t(l, "point.final")));
  if (open) head.push(actionSet(formButtons(view)));
  // Only a running discussion's last point has a button that differs by person.
  const running = view.rights && view.discussionStatus === "running";
  const refresh =
    running && view.rights ? refreshOf(l, view.rights, { d: view.discussionId, p: view.number }) : null;
  if (open && view.isCurrent && view.discussionStatus === "running")
    head.push(...moveButtons(view, options.viewer, refresh?.manual ?? []));
  const cards = paginate(head, recordedElements(view), actions, (page) =>
    t(l, "teams.continued", { title, page }),
  );
  if (refresh && cards[0]) cards[0].refresh = refresh.refresh;
  return cards;
}

/** A concluded point's buttons: add to the minutes, or (once confirmed) the forms that add to them. */
function concludedButtons(view: PointView, amending: boolean | undefined): Element[] {
  return amending ? formButtons(view, true) : [amendButton(view)];
}

/** A concluded point's one button: add to the minutes, which asks first (its answer is the confirmation). */
function amendButton(view: PointView): Element {
  const at = { d: view.discussionId, p: view.number, v: view.version };
  return execute(t(view.language, "amend.button"), ACTIONS.amend, at);
}
