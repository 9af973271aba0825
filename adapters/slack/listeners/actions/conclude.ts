import type { App } from "@slack/bolt";
import { t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { ACTION, encodeValue } from "../../render/actions.ts";
import { completenessBlocks } from "../../render/other.ts";
import { concludeReasonModal } from "../../render/setup-modals.ts";
import { onButton } from "./shared.ts";

/** Conclude: with something missing, the user sees what and may conclude anyway (with a reason). */
export function register(app: App, deps: SlackDeps) {
  onButton(app, deps, ACTION.conclude, async ({ ctx, value, tell }) => {
    const result = await deps.core.conclude(
      ctx,
      { discussionId: value.d, expectedVersion: value.v ?? -1 },
      null,
    );
    if (!result.concluded) {
      const blocks = completenessBlocks({
        discussionId: value.d,
        version: value.v ?? -1,
        language: ctx.workspace.language,
        completeness: result.completeness,
      });
      await tell(t(ctx.workspace.language, "completeness.title"), blocks);
    }
  });
  onButton(app, deps, ACTION.concludeAnyway, async ({ ctx, value, body, client }) => {
    const metadata = encodeValue({ d: value.d, v: value.v });
    await client.views.open({
      trigger_id: body.trigger_id,
      view: concludeReasonModal(ctx.workspace.language, metadata),
    });
  });
}
