import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { ACTIONS, AppError, languageOf } from "../../../../src/app/index.ts";
import { t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { escapeMrkdwn, sections } from "../../render/mrkdwn.ts";
import { recordButtons } from "../../render/point.ts";
import { handleClick } from "./click.ts";

const ACTION = ACTIONS.amend;

/**
 * "Add to the minutes", confirmed in Slack's dialog: the person alone is offered the point's forms as an addition to
 * the concluded record (a new version, approved again).
 */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(ACTION.id, (args) =>
    handleClick(deps, ACTION, args, async ({ ctx, value, tell }) => {
      const view = await deps.core.pointView(ctx, value.d, value.p);
      if (!view) throw new AppError("not_found", "error.not_found");
      const text = t(languageOf(ctx), "amend.choose", { point: value.p });
      await tell(text, [
        ...sections(escapeMrkdwn(text)),
        { type: "actions", block_id: `amend_forms_${value.p}`, elements: recordButtons(view, true) },
      ]);
    }),
  );
}
