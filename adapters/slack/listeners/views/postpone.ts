import type { App, ViewSubmitAction } from "@slack/bolt";
import { ACTIONS, AppError, languageOf } from "../../../../src/app/index.ts";
import { formatDate, t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { decodeValue } from "../../render/actions.ts";
import { fieldState, stateValue } from "../../render/forms.ts";
import { checkThen, handleSubmit } from "./submission.ts";

const ACTION = ACTIONS.savePostpone;

/** A new deadline for a decision or goal; its reminders move with it. */
export function register(app: App, deps: SlackDeps) {
  app.view<ViewSubmitAction>(ACTION.id, (args) =>
    handleSubmit(deps, args, async ({ ctx, state, metadata }) => {
      const value = decodeValue(ACTION, metadata);
      // Not a modal this app opened: there is no entry to postpone.
      if (!value) throw new AppError("not_found", "error.not_found");
      const deadline = stateValue(fieldState(state, "deadline")) ?? "";
      return checkThen(
        ctx,
        () => deps.core.precheckPostpone(ctx, { deadline }),
        async ({ ctx }) => {
          await deps.core.postpone(ctx, { entryId: value.e, deadline }, `view:${args.body.view.id}`);
          const l = languageOf(ctx);
          await args.client.chat.postMessage({
            channel: ctx.actor.userId,
            text: t(l, "command.postponed", { date: formatDate(l, deadline, ctx.workspace.timeZone) }),
          });
        },
        () => "deadline",
      );
    }),
  );
}
