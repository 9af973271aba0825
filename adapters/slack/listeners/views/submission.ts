import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { View } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { Ctx } from "../../../../src/app/index.ts";
import { AppError, languageOf, problemText } from "../../../../src/app/index.ts";
import type { Language } from "../../../../src/domain/types.ts";
import { notSavedText, retrying, type SlackDeps, slackCtx, slackCtxUnnamed } from "../../context.ts";
import type { ViewState } from "../../render/forms.ts";
import { escapeMrkdwn, splitText } from "../../render/mrkdwn.ts";
import { t } from "../../texts.ts";

export type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** What a submission is checked with, before Slack is answered: nothing here may call Slack. */
export interface CheckContext {
  /** The workspace and the user; the user's name is not known yet (it stands as the id). */
  ctx: Ctx;
  state: ViewState;
  metadata: string;
  /** The modal as submitted (its blocks), for an answer that shows it again. */
  view: Record<string, unknown>;
}

/** What the work after the answer has: the user with their name, and the names of people the form chose. */
export interface WorkContext {
  ctx: Ctx;
  /** The person chosen in a user picker, with the name the written record needs. */
  person: (userId: string | null) => Promise<{ id: string; name: string } | null>;
}

/**
 * A check's verdict: refused fields, shown in the modal; the modal shown again to confirm something (it keeps its
 * id); or the work to do once the modal is closed. The work must be keyed (by the view's id), since it is tried again
 * while the database is briefly away.
 */
export type Checked =
  | { errors: Record<string, string> }
  | { update: View }
  | { work: (w: WorkContext) => Promise<void> };

/**
 * Every modal's listener runs here. Slack wants its answer within 3 s, before any Web API call (users.info included):
 * the values are checked first without asking Slack anything, and refused fields answered inline
 * (`response_action: errors`); otherwise the modal is closed, and then the names are looked up and the work is done.
 * Whatever fails after the answer is told to the user in a DM, with what they wrote, so nothing sent is silently lost.
 */
export async function handleSubmit(
  deps: SlackDeps,
  args: SubmitArgs,
  check: (s: CheckContext) => Promise<Checked>,
) {
  const { ack, body, view } = args;
  const submitter: Submitter = {
    teamId: body.team?.id ?? body.user.team_id ?? "",
    userId: body.user.id,
    state: view.state.values as ViewState,
    language: "da",
  };
  let checked: Checked;
  try {
    const ctx = await slackCtxUnnamed(deps, submitter.teamId, submitter.userId);
    submitter.language = languageOf(ctx);
    submitter.ownLanguage = ctx.actor.language;
    checked = await check({
      ctx,
      state: submitter.state,
      metadata: view.private_metadata,
      view: view as unknown as Record<string, unknown>,
    });
  } catch (error) {
    // The database away before the answer: the modal stays open with what was typed, to be sent again.
    const block = firstInput(view.blocks);
    if (!isRefusal(error) && block) {
      return await ack({
        response_action: "errors",
        errors: { [block]: notSavedText(deps, submitter.language, error) },
      });
    }
    await ack();
    return await tellWhy(deps, args.client, submitter, error);
  }
  if ("update" in checked) return await ack({ response_action: "update", view: checked.update });
  if ("errors" in checked) {
    const errors = checked.errors;
    return await ack(Object.keys(errors).length > 0 ? { response_action: "errors", errors } : undefined);
  }
  await ack();
  await workAfterAnswer(deps, args.client, submitter, checked.work);
}

/** Who sent a modal, with what, and the language to answer in (the workspace's, once known). */
interface Submitter {
  teamId: string;
  userId: string;
  state: ViewState;
  language: Language;
  /** The person's own language as read before the answer, so the work after it need not read it again. */
  ownLanguage?: Language;
}

/**
 * The work of an accepted modal, once Slack has its answer; tried again while the database is briefly away. The
 * language read before the answer is kept: the click or command that opened the modal had it checked with Slack.
 */
async function workAfterAnswer(
  deps: SlackDeps,
  client: WebClient,
  submitter: Submitter,
  work: (w: WorkContext) => Promise<void>,
) {
  const { teamId, userId } = submitter;
  const person = async (id: string | null) =>
    id ? { id, name: await deps.names.of(client, teamId, id) } : null;
  try {
    await retrying(async () => {
      const ctx = await slackCtx(deps, client, teamId, userId, { language: submitter.ownLanguage });
      submitter.language = languageOf(ctx);
      await work({ ctx, person });
    });
  } catch (error) {
    await tellWhy(deps, client, submitter, error);
  }
}

/** Tells the submitter why their modal was not saved, in a DM. */
const tellWhy = (deps: SlackDeps, client: WebClient, submitter: Submitter, error: unknown) =>
  tell(deps, client, submitter.userId, failed(deps, submitter.language, error, submitter.state));

/** A refusal in the core's own words (not found, not allowed, out of date): sending it again would not help. */
const isRefusal = (error: unknown) =>
  error instanceof AppError && error.code !== "temporary" && Object.keys(error.problems).length === 0;

/** Why a submission was not saved; unless it was refused, with what the user typed, so they can send it again. */
function failed(deps: SlackDeps, language: Language, error: unknown, state: ViewState): string {
  const why = notSavedText(deps, language, error);
  const wrote = isRefusal(error) ? [] : typedText(state);
  return wrote.length ? [why, t(language, "slack.not_saved_text"), ...wrote.map(quote)].join("\n\n") : why;
}

/** A private message to the user; one that cannot be sent is logged, never thrown (Slack has its answer). */
async function tell(deps: SlackDeps, client: WebClient, userId: string, text: string) {
  try {
    for (const piece of splitText(text)) await client.chat.postMessage({ channel: userId, text: piece });
  } catch (error) {
    deps.log.warn("could not tell a user their submission failed", { error: String(error) });
  }
}

/** The first input block of a modal, where an error that belongs to no one field is shown. */
function firstInput(blocks: unknown): string | undefined {
  if (!Array.isArray(blocks)) return undefined;
  const input = blocks.find((b) => (b as { type?: string }).type === "input") as
    | { block_id?: string }
    | undefined;
  return input?.block_id;
}

/** The text the user typed into the modal's text fields, in the modal's order. */
function typedText(state: ViewState): string[] {
  const typed: string[] = [];
  for (const block of Object.values(state ?? {}))
    for (const element of Object.values(block ?? {})) {
      const value = (element as { type?: string; value?: unknown }).value;
      if (
        (element as { type?: string }).type === "plain_text_input" &&
        typeof value === "string" &&
        value.trim()
      )
        typed.push(value.trim());
    }
  return typed;
}

const quote = (text: string) =>
  escapeMrkdwn(text)
    .split("\n")
    .map((line) => `> ${line}`)
    .join("\n");

/** Refused fields for the modal; an answer with none closes it. */
export const refuse = (errors: Record<string, string>): Checked => ({ errors });

/** The modal shown again (response_action "update"), to be sent once more. */
export const showAgain = (view: View): Checked => ({ update: view });

/** Accepted: the modal closes, and `work` runs after. */
export const accept = (work: (w: WorkContext) => Promise<void>): Checked => ({ work });

/** An AppError about fields, as inline modal errors; undefined when the error is of another kind. */
export function inlineErrors(
  ctx: Ctx,
  error: unknown,
  mapField: (field: string) => string = (f) => f,
): Record<string, string> | undefined {
  if (!(error instanceof AppError) || Object.keys(error.problems).length === 0) return undefined;
  const errors: Record<string, string> = {};
  for (const [field, problem] of Object.entries(error.problems)) {
    errors[mapField(field)] ??= problemText(languageOf(ctx), problem);
  }
  return errors;
}

/**
 * Runs a check that throws the core's AppError: refused fields as inline errors, or the work when it passes. Errors
 * of other kinds go on (the modal closes and the user is told).
 */
export function checkThen(
  ctx: Ctx,
  precheck: () => unknown,
  work: (w: WorkContext) => Promise<void>,
  mapField?: (field: string) => string,
): Checked {
  try {
    precheck();
  } catch (error) {
    const errors = inlineErrors(ctx, error, mapField);
    if (errors) return refuse(errors);
    throw error;
  }
  return accept(work);
}
