import type { App, ViewSubmitAction } from "@slack/bolt";
import { formSpec } from "../../../../src/app/forms.ts";
import { ACTIONS, AppError, type Ctx, type EntryForm, languageOf } from "../../../../src/app/index.ts";
import { t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { decodeValue, encodeValue } from "../../render/actions.ts";
import { CHANGE_FIELDS, removeModal } from "../../render/change-modals.ts";
import { fieldState, formModal, stateValue } from "../../render/forms.ts";
import { type Checked, handleSubmit } from "./submission.ts";

const ACTION = ACTIONS.chooseChange;

/**
 * The entry chosen under "Ret eller fjern": the modal becomes the entry's form filled in as it stands (saved as a
 * change to it), or asks whether to remove it. Nothing is changed here.
 */
export function register(app: App, deps: SlackDeps) {
  app.view<ViewSubmitAction>(ACTION.id, (args) =>
    handleSubmit(deps, args, async ({ ctx, state, metadata }): Promise<Checked> => {
      const value = decodeValue(ACTION, metadata);
      if (!value) throw new AppError("not_found", "error.not_found");
      const entryId = stateValue(fieldState(state, CHANGE_FIELDS.entry));
      if (!entryId) return { errors: { [CHANGE_FIELDS.entry]: t(languageOf(ctx), "change.choose_first") } };
      const entry = await deps.core.entryForm(ctx, entryId);
      if (stateValue(fieldState(state, CHANGE_FIELDS.what)) === "remove")
        return { update: askToRemove(ctx, entry) };
      if (!entry.editable)
        return { errors: { [CHANGE_FIELDS.what]: t(languageOf(ctx), "change.redo_verdict") } };
      return { update: await formOf(deps, ctx, entry) };
    }),
  );
}

function askToRemove(ctx: Ctx, entry: EntryForm) {
  const metadata = encodeValue(ACTIONS.removeEntry, {
    e: entry.entryId,
    d: entry.discussionId,
    p: entry.point,
  });
  return removeModal(languageOf(ctx), entry.point, entry.label, metadata);
}

async function formOf(deps: SlackDeps, ctx: Ctx, entry: EntryForm) {
  const spec = formSpec(entry.kind, await deps.core.formContext(ctx, entry.discussionId, entry.kind));
  const metadata = encodeValue(ACTIONS.saveEntry, {
    k: entry.kind,
    d: entry.discussionId,
    p: entry.point,
    e: entry.entryId,
  });
  return formModal(spec, ACTIONS.saveEntry.id, metadata, languageOf(ctx), entry.values);
}
