import { type FormKind, formSpec } from "../../../../src/app/forms.ts";
import type { SlackDeps } from "../../context.ts";
import { formModal } from "../../render/forms.ts";
import { ENTRY_FORM } from "../views/entry-form.ts";
import type { Click } from "./click.ts";

/** Opens the entry form of `kind` for the clicked button's point (note, decision, goal or the point's own form). */
export async function openEntryForm(deps: SlackDeps, { ctx, value, body, client }: Click, kind: FormKind) {
  const spec = formSpec(kind, await deps.core.formContext(ctx, value.d, kind));
  const metadata = JSON.stringify({ k: kind, d: value.d, p: value.p });
  await client.views.open({
    trigger_id: body.trigger_id,
    view: formModal(spec, ENTRY_FORM, metadata, ctx.workspace.language),
  });
}
