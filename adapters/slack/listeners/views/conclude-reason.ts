import type { App, ViewSubmitAction } from "@slack/bolt";
import { problemText } from "../../../../src/app/index.ts";
import type { SlackDeps } from "../../context.ts";
import { decodeValue } from "../../render/actions.ts";
import { fieldState, stateValue } from "../../render/forms.ts";
import { checkThen, handleSubmit, refuse } from "./submission.ts";

export const CONCLUDE_REASON_FORM = "conclude_reason";

/** Concludes although something is missing; the reason and who gave it go into the record. */
export function register(app: App, deps: SlackDeps) {
  app.view<ViewSubmitAction>(CONCLUDE_REASON_FORM, (args) =>
    handleSubmit(deps, args, async ({ ctx, state, metadata }) => {
      const value = decodeValue(metadata);
      const reason = stateValue(fieldState(state, "reason")) ?? "";
      // The reason is what this form is for: without one the conclusion would only report what is missing.
      if (!reason.trim())
        return refuse({ reason: problemText(ctx.workspace.language, { code: "required" }) });
      return checkThen(
        ctx,
        () => deps.core.precheckConclude({ overrideReason: reason }),
        async ({ ctx }) => {
          await deps.core.conclude(
            ctx,
            { discussionId: value?.d ?? "", expectedVersion: value?.v ?? -1, overrideReason: reason },
            `view:${args.body.view.id}`,
          );
        },
        () => "reason",
      );
    }),
  );
}
