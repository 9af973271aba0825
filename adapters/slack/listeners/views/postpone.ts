import type { App, ViewSubmitAction } from "@slack/bolt";
import { formatDate, t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { decodeValue } from "../../render/actions.ts";
import { fieldState, stateValue } from "../../render/forms.ts";
import { checkThen, handleSubmit } from "./submission.ts";

export const POSTPONE_FORM = "postpone_form";

/** A new deadline for a decision or goal; its reminders move with it. */
export function register(app: App, deps: SlackDeps) {
  app.view<ViewSubmitAction>(POSTPONE_FORM, (args) =>
    handleSubmit(deps, args, async ({ ctx, state, metadata }) => {
      const deadline = stateValue(fieldState(state, "deadline")) ?? "";
      return checkThen(
        ctx,
        () => deps.core.precheckPostpone({ deadline }),
        async ({ ctx }) => {
          await deps.core.postpone(
            ctx,
            { entryId: decodeValue(metadata)?.e ?? "", deadline },
            `view:${args.body.view.id}`,
          );
          const l = ctx.workspace.language;
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
