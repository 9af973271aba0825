import type { App, ViewSubmitAction } from "@slack/bolt";
import { ACTIONS, AppError, languageOf, problemText } from "../../../../src/app/index.ts";
import type { SlackDeps } from "../../context.ts";
import { decodeValue } from "../../render/actions.ts";
import { fieldState, stateValue } from "../../render/forms.ts";
import { checkThen, handleSubmit, refuse } from "./submission.ts";

const ACTION = ACTIONS.concludeReason;

/** Concludes although something is missing; the reason and who gave it go into the record. */
export function register(app: App, deps: SlackDeps) {
  app.view<ViewSubmitAction>(ACTION.id, (args) =>
    handleSubmit(deps, args, async ({ ctx, state, metadata }) => {
      const value = decodeValue(ACTION, metadata);
      // Not a modal this app opened: there is no discussion to conclude.
      if (!value) throw new AppError("not_found", "error.not_found");
      const reason = stateValue(fieldState(state, "reason")) ?? "";
      // The reason is what this form is for: without one the conclusion would only report what is missing.
      if (!reason.trim()) return refuse({ reason: problemText(languageOf(ctx), { code: "required" }) });
      return checkThen(
        ctx,
        () => deps.core.precheckConclude({ overrideReason: reason }),
        async ({ ctx }) => {
          await deps.core.conclude(
            ctx,
            { discussionId: value.d, expectedVersion: value.v, overrideReason: reason },
            `view:${args.body.view.id}`,
          );
        },
        () => "reason",
      );
    }),
  );
}
