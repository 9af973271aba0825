import type { App, ViewSubmitAction } from "@slack/bolt";
import { ACTIONS, AppError, removalKey } from "../../../../src/app/index.ts";
import type { SlackDeps } from "../../context.ts";
import { decodeValue } from "../../render/actions.ts";
import { handleSubmit } from "./submission.ts";

const ACTION = ACTIONS.removeEntry;

/** "Fjern" on the confirmation: the entry leaves the record, and the point's message shows it gone. */
export function register(app: App, deps: SlackDeps) {
  app.view<ViewSubmitAction>(ACTION.id, (args) =>
    handleSubmit(deps, args, async ({ metadata }) => {
      const value = decodeValue(ACTION, metadata);
      if (!value) throw new AppError("not_found", "error.not_found");
      return {
        work: async ({ ctx }) => {
          await deps.core.removeEntry(ctx, { entryId: value.e }, removalKey(value.e, ctx.actor.userId));
        },
      };
    }),
  );
}
