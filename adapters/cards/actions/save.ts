import {
  type FieldValue,
  type FormSpec,
  fieldErrors,
  formData,
  formSpec,
  writtenNames,
} from "../../../src/app/forms.ts";
import { ACTIONS, AppError, errorText, languageOf, problemText } from "../../../src/app/index.ts";
import type { Language } from "../../../src/domain/types.ts";
import type { AdaptiveCard } from "../draw/card.ts";
import { NAME_SUFFIX } from "../draw/form.ts";
import { messageCard } from "../draw/other.ts";
import { t } from "../texts.ts";
import { preInputCard } from "./form.ts";
import { formKindFor } from "./kinds.ts";
import { type ActionArgs, currentPointCard, pointCardOf, pointOrMessage } from "./shared.ts";
import { BadSubmit, readSubmit } from "./submit.ts";

/**
 * How long a save waits for the channel's message to be refreshed before answering. The answer is the refreshed
 * card itself, so the person sees their entry either way; a refresh that fails quickly (the bot removed from the
 * channel) is still reported, a slow one goes on after the answer and the next refresh makes up for a failure.
 */
const CHANNEL_WAIT_MS = 150;

/** The submitted inputs by field; a person is one of the workplace's members, or the name written beside. */
function fieldValues(
  spec: FormSpec,
  inputs: Record<string, string>,
  members: { userId: string; name: string }[],
): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  for (const field of spec.fields) {
    const value = inputs[field.id]?.trim();
    if (field.type === "people") {
      values[field.id] = peopleValue(value, inputs[`${field.id}${NAME_SUFFIX}`], members);
      continue;
    }
    if (field.type !== "person") {
      values[field.id] = value;
      continue;
    }
    const member = members.find((m) => m.userId === value);
    const written = inputs[`${field.id}${NAME_SUFFIX}`]?.trim();
    values[field.id] = member ? { id: member.userId, name: member.name || member.userId } : written || value;
  }
  return values;
}

/** People chosen from the workplace's list (ids it does not hold are dropped) and names written beside it. */
function peopleValue(
  chosen: string | undefined,
  written: string | undefined,
  members: { userId: string; name: string }[],
): FieldValue {
  const listed = (chosen ?? "")
    .split(",")
    .map((id) => members.find((m) => m.userId === id.trim()))
    .filter((m) => m !== undefined)
    .map((m) => ({ id: m.userId, name: m.name || m.userId }));
  return [...listed, ...writtenNames(written)];
}

/** Saves a point's form. Refused fields come back in the form, each under its field; nothing is stored then. */
export async function saveForm(args: ActionArgs): Promise<AdaptiveCard> {
  const { deps, ctx, key } = args;
  const l = languageOf(ctx);
  const raw = (args.data ?? {}) as Record<string, unknown>;
  if (raw.k === "pre_input") return savePreInput(args);
  const point = Number(raw.p);
  const kind = formKindFor(raw.k, point);
  if (typeof raw.d !== "string" || !kind) throw new BadSubmit(t(l, "teams.bad_submit"));
  const discussionId = raw.d;
  const context = await deps.core.formContext(ctx, discussionId, kind);
  const spec = formSpec(kind, context);
  const inputs = spec.fields.flatMap((f) =>
    f.type === "person" || f.type === "people" ? [f.id, `${f.id}${NAME_SUFFIX}`] : [f.id],
  );
  let submitted: ReturnType<typeof readSubmit<typeof ACTIONS.saveEntry>>;
  try {
    submitted = readSubmit(args.data, ACTIONS.saveEntry, inputs, l);
  } catch (error) {
    if (!(error instanceof BadSubmit)) throw error;
    const form = { spec, members: context.members, errors: { _: error.text }, ...changing(raw.e) };
    return (
      (await currentPointCard(args, discussionId, point, { form })) ?? messageCard(error.text, "attention")
    );
  }
  const data = formData(kind, fieldValues(spec, submitted.inputs, context.members), context);
  const entryId = submitted.meta.e ?? null;
  const amend = submitted.meta.a === 1;
  const { healthConfirmed, saveKey } = anyway(submitted.meta.h, key);
  try {
    const result = entryId
      ? await deps.core.editEntry(ctx, { entryId, data, amend, healthConfirmed }, saveKey)
      : await deps.core.record(ctx, { discussionId, point, kind, data, amend, healthConfirmed }, saveKey, {
          waitForChannelMs: CHANNEL_WAIT_MS,
          withView: true,
        });
    const text = savedText(l, result);
    const notice = { text, tone: "good" as const };
    // A note is answered with the point as read along with it; other changes read it now.
    const card = result.view && pointCardOf(result.view, { viewer: args.ctx.actor.userId, notice });
    return card || pointOrMessage(args, discussionId, point, text, "good");
  } catch (error) {
    if (error instanceof AppError && Object.keys(error.problems).length > 0) {
      const errors = fieldErrors(kind, error.problems, context, (p) => problemText(l, p));
      // A health warning offers "Gem alligevel", keyed by this save so that a double click saves once.
      const warned = error.code === "unconfirmed";
      const form = {
        spec,
        members: context.members,
        values: submitted.inputs,
        errors,
        amend,
        ...changing(entryId),
        ...(warned ? { anyway: key } : {}),
      };
      const text = warned ? errorText(l, error) : t(l, "error.invalid");
      const shown = await currentPointCard(args, discussionId, point, {
        form,
        notice: { text, tone: "attention" },
      });
      if (shown) return shown;
    }
    throw error;
  }
}

/** A form shown again after a refusal still changes the entry it was opened for, if any. */
const changing = (entryId: unknown) => (typeof entryId === "string" && entryId ? { entryId } : {});

/** "Saved", or that the channel could not be updated; a sentence the core adds (point 2's roster) goes with it. */
function savedText(l: Language, result: { synced: boolean | null; notice?: string }): string {
  if (result.synced === false)
    return result.notice ? `${result.notice} ${t(l, "command.channel_behind")}` : t(l, "command.not_synced");
  return result.notice ?? t(l, "teams.saved");
}

async function savePreInput(args: ActionArgs): Promise<AdaptiveCard> {
  const { deps, ctx, key } = args;
  const l = languageOf(ctx);
  const { meta, inputs } = readSubmit(args.data, ACTIONS.saveEntry, ["point", "text"], l);
  const discussionId = meta.d;
  const { healthConfirmed, saveKey } = anyway(meta.h, key);
  try {
    await deps.core.record(
      ctx,
      {
        discussionId,
        point: Number(inputs.point),
        kind: "note",
        data: { text: inputs.text ?? "" },
        source: "pre_input",
        healthConfirmed,
      },
      saveKey,
    );
    return messageCard(t(l, "teams.saved"), "good");
  } catch (error) {
    if (error instanceof AppError && error.problems.text) {
      const warned = error.code === "unconfirmed";
      const form = { values: inputs, ...(warned ? { anyway: key } : {}) };
      return preInputCard(l, discussionId, problemText(l, error.problems.text), form);
    }
    throw error;
  }
}

/**
 * A save pressed as "Gem alligevel" (`h`, the key of the save that was warned): confirmed, and keyed by that save,
 * so a double click saves once. Any other save goes under its own key, checked.
 */
function anyway(warnedKey: string | undefined, key: string) {
  return warnedKey
    ? { healthConfirmed: true, saveKey: `${warnedKey}:anyway` }
    : { healthConfirmed: false, saveKey: key };
}
