import { formSpec } from "../../../../src/app/forms.ts";
import { ACTIONS, type FormKind } from "../../../../src/app/index.ts";
import type { SlackDeps } from "../../context.ts";
import { encodeValue } from "../../render/actions.ts";
import { formModal } from "../../render/forms.ts";
import type { Click } from "./click.ts";

/** Opens the entry form of `kind` for the clicked button's point (note, decision, goal or the point's own form). */
export async function openEntryForm(
  deps: SlackDeps,
  { ctx, value, body, client }: Click<{ d: string; p: number }>,
  kind: FormKind,
) {
  const spec = formSpec(kind, await deps.core.formContext(ctx, value.d, kind));
  const metadata = encodeValue(ACTIONS.saveEntry, { k: kind, d: value.d, p: value.p });
  await client.views.open({
    trigger_id: body.trigger_id,
    view: formModal(spec, ACTIONS.saveEntry.id, metadata, ctx.workspace.language),
  });
}
