import type { App, ViewSubmitAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import {
  type FieldValue,
  type FormKind,
  type FormSpec,
  fieldErrors,
  formData,
  formSpec,
  writtenNames,
} from "../../../../src/app/forms.ts";
import {
  ACTIONS,
  AppError,
  type Ctx,
  errorText,
  languageOf,
  type Payload,
  problemText,
} from "../../../../src/app/index.ts";
import { t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { decodeValue } from "../../render/actions.ts";
import { fieldState, NAMES_SUFFIX, stateValue, type ViewState } from "../../render/forms.ts";
import { asksHealth, HEALTH_BLOCK, savedAnyway, withHealthConfirm } from "../../render/health-confirm.ts";
import { accept, type Checked, handleSubmit, inlineErrors, refuse, showAgain } from "./submission.ts";

const ACTION = ACTIONS.saveEntry;

/**
 * Every entry form (note, decision, goal, the points' own forms, and input before the meeting). The entry is checked
 * before the answer (refused fields inline), with the people chosen standing by their ids; recorded after it, with
 * their names.
 */
export function register(app: App, deps: SlackDeps) {
  app.view<ViewSubmitAction>(ACTION.id, (args) =>
    handleSubmit(deps, args, async ({ ctx, state, metadata, view }) => {
      const meta = decodeValue(ACTION, metadata);
      // Not a form this app opened (or one from an older version): nothing to record into.
      if (!meta) throw new AppError("not_found", "error.not_found");
      const submitted = { ctx, state, view, key: `view:${args.body.view.id}`, client: args.client };
      return meta.k === "pre_input"
        ? preInput(deps, submitted, meta.d)
        : entry(deps, submitted, { ...meta, k: meta.k });
    }),
  );
}

/** A submitted entry form, with the key its work is recorded under. */
interface Submitted {
  ctx: Ctx;
  state: ViewState;
  view: Record<string, unknown>;
  key: string;
  client: WebClient;
}

/** Input before the meeting: a note to the agenda point chosen in the form. */
async function preInput(deps: SlackDeps, submitted: Submitted, discussionId: string): Promise<Checked> {
  const { ctx, state, key } = submitted;
  const text = stateValue(fieldState(state, "text")) ?? "";
  const point = Number(stateValue(fieldState(state, "point")));
  const healthConfirmed = savedAnyway(state);
  const input = { discussionId, point, kind: "note", data: { text }, source: "pre_input", healthConfirmed };
  try {
    await deps.core.precheck(ctx, input);
  } catch (error) {
    const errors = inlineErrors(ctx, error, () => "text");
    const answer = healthWarning(submitted, error) ?? (errors ? refuse(errors) : null);
    if (answer) return answer;
    throw error;
  }
  return accept(async (w) => {
    await deps.core.record(w.ctx, input, key);
  });
}

/**
 * A text that names a person together with a health word is not refused: the modal is shown again with the warning
 * and "Gem alligevel" to tick (or, shown already and not ticked, says so under the box). Null for any other error.
 */
function healthWarning(submitted: Submitted, error: unknown): Checked | null {
  if (!(error instanceof AppError) || error.code !== "unconfirmed") return null;
  const language = languageOf(submitted.ctx);
  if (asksHealth(submitted.state)) return refuse({ [HEALTH_BLOCK]: t(language, "health.tick_or_change") });
  const warning = errorText(language, error);
  return showAgain(withHealthConfirm(submitted.view, submitted.state, warning, language));
}

/** A new entry, or a change to one (`meta.e`), of the form's kind. */
async function entry(deps: SlackDeps, submitted: Submitted, meta: Meta & { k: FormKind }): Promise<Checked> {
  const { ctx, state, key } = submitted;
  const kind = meta.k;
  const context = await deps.core.formContext(ctx, meta.d, kind);
  const spec = formSpec(kind, context);
  const dataWith = async (person: (id: string | null) => Promise<FieldValue>) => {
    const values: Record<string, FieldValue> = {};
    for (const field of spec.fields) {
      if (field.type === "people") {
        const chosen = await Promise.all(chosenUsers(state, field.id).map(person));
        const written = writtenNames(
          stateValue(fieldState(state, `${field.id}${NAMES_SUFFIX}`)) ?? undefined,
        );
        values[field.id] = [
          ...chosen.filter(
            (p): p is { id?: string; name: string } =>
              typeof p === "object" && p !== null && !Array.isArray(p),
          ),
          ...written,
        ];
        continue;
      }
      const raw = stateValue(fieldState(state, field.id));
      values[field.id] = field.type === "person" ? await person(raw) : raw;
    }
    return formData(kind, values, context);
  };
  const amend = meta.a === 1;
  const healthConfirmed = savedAnyway(state);
  const input = (data: Record<string, unknown>) => ({
    discussionId: meta.d,
    point: meta.p ?? 0,
    kind,
    data,
    amend,
    healthConfirmed,
  });
  // Before the answer no one's name is asked of Slack: a chosen person stands by their id.
  const draft = await dataWith(async (id) => (id ? { id, name: id } : null));
  try {
    if (meta.e) await deps.core.precheckEdit(ctx, { entryId: meta.e, data: draft, healthConfirmed });
    else await deps.core.precheck(ctx, input(draft));
  } catch (error) {
    const warned = healthWarning(submitted, error);
    if (warned) return warned;
    if (!(error instanceof AppError) || Object.keys(error.problems).length === 0) throw error;
    const language = languageOf(ctx);
    const errors = fieldErrors(kind, error.problems, context, (p) => problemText(language, p));
    return refuse(atNamesBox(spec, state, Object.keys(error.problems), errors));
  }
  return accept(async ({ ctx, person }) => {
    const data = await dataWith(person);
    const result = meta.e
      ? await deps.core.editEntry(ctx, { entryId: meta.e, data, amend, healthConfirmed }, key)
      : await deps.core.record(ctx, input(data), key);
    if (result.notice) await tellNotice(deps, submitted.client, ctx, result.notice);
    await tellIfNotShown(deps, submitted.client, ctx, result);
  });
}

/**
 * The sentence the core adds to a save (point 2 left the setup as it was), in a private message: the modal is closed,
 * and the channel shows only the entry. One that cannot be sent is logged, never thrown: the entry is saved.
 */
async function tellNotice(deps: SlackDeps, client: WebClient, ctx: Ctx, text: string) {
  await client.chat
    .postMessage({ channel: ctx.actor.userId, text })
    .catch((error) =>
      deps.log.warn("could not tell a writer what their entry did", { error: String(error) }),
    );
}

/**
 * Tells the entry's author when the channel's message could not be brought up to date. In a busy meeting the work does
 * not wait for the refresh that shows the new entry; its author hears if that refresh fails. After the core's notice
 * (which says it was saved), only that the channel is behind.
 */
async function tellIfNotShown(
  deps: SlackDeps,
  client: WebClient,
  ctx: Ctx,
  result: { shown?: Promise<boolean>; synced?: boolean | null; notice?: string },
) {
  const notShown = () =>
    client.chat.postMessage({
      channel: ctx.actor.userId,
      text: t(languageOf(ctx), result.notice ? "command.channel_behind" : "command.not_synced"),
    });
  if (result.shown)
    void result.shown
      .then((ok) => (ok ? undefined : notShown()))
      .catch((error) => deps.log.warn("could not tell a note's author", { error: String(error) }));
  else if (result.synced === false) await notShown();
}

type Meta = Payload<typeof ACTION>;

/** The people chosen in a people picker, by their Slack ids. */
function chosenUsers(state: ViewState, fieldId: string): string[] {
  const users = fieldState(state, fieldId)?.selected_users;
  return Array.isArray(users) ? users.filter((id): id is string => typeof id === "string") : [];
}

/**
 * A refused name written in the box beside a people picker is shown at that box, not at the picker: the people are
 * those chosen in the picker, then those written, so a problem's index past the chosen ones is a written name.
 */
function atNamesBox(spec: FormSpec, state: ViewState, paths: string[], errors: Record<string, string>) {
  for (const field of spec.fields) {
    const error = errors[field.id];
    if (field.type !== "people" || error === undefined) continue;
    const chosen = chosenUsers(state, field.id).length;
    const written = paths.some((path) => {
      const [id, index] = path.split(".");
      return id === field.id && Number(index) >= chosen;
    });
    if (!written) continue;
    delete errors[field.id];
    errors[`${field.id}${NAMES_SUFFIX}`] = error;
  }
  return errors;
}
