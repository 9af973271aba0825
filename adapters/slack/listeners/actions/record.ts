import type { App } from "@slack/bolt";
import { type FormKind, formSpec } from "../../../../src/app/forms.ts";
import type { SlackDeps } from "../../context.ts";
import { ACTION, VIEW } from "../../render/actions.ts";
import { formModal } from "../../render/forms.ts";
import { onButton } from "./shared.ts";

/** Note, decision, goal and the point's own form: each opens its modal. */
export function register(app: App, deps: SlackDeps) {
  const buttons: [string, FormKind | null][] = [
    [ACTION.note, "note"],
    [ACTION.decision, "decision"],
    [ACTION.goal, "goal"],
    [ACTION.form, null],
  ];
  for (const [actionId, fixed] of buttons) {
    onButton(app, deps, actionId, async ({ ctx, value, body, client }) => {
      const kind = (fixed ?? value.f) as FormKind;
      const context = await deps.core.formContext(ctx, value.d);
      const spec = formSpec(kind, context);
      const metadata = JSON.stringify({ k: kind, d: value.d, p: value.p });
      await client.views.open({
        trigger_id: body.trigger_id,
        view: formModal(spec, VIEW.entry, metadata, ctx.workspace.language),
      });
    });
  }
}
