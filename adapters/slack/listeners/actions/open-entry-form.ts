import { formSpec } from "../../../../src/app/forms.ts";
import { ACTIONS, type FormKind, languageOf } from "../../../../src/app/index.ts";
import { t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { encodeValue } from "../../render/actions.ts";
import { formModal } from "../../render/forms.ts";
import type { Click } from "./click.ts";

/**
 * Opens the entry form of `kind` for the clicked button's point (note, decision, goal or the point's own form); an
 * amendment to a concluded record says so above the fields and carries the mark to the save.
 */
export async function openEntryForm(
  deps: SlackDeps,
  { ctx, value, body, client }: Click<{ d: string; p: number; a?: 1 }>,
  kind: FormKind,
) {
  const plain = formSpec(kind, await deps.core.formContext(ctx, value.d, kind));
  const l = languageOf(ctx);
  const spec = value.a
    ? { ...plain, intro: [t(l, "amend.form_intro"), plain.intro].filter(Boolean).join("\n") }
    : plain;
  const amending = value.a ? { a: value.a } : {};
  const metadata = encodeValue(ACTIONS.saveEntry, { k: kind, d: value.d, p: value.p, ...amending });
  await client.views.open({
    trigger_id: body.trigger_id,
    view: formModal(spec, ACTIONS.saveEntry.id, metadata, languageOf(ctx)),
  });
}
