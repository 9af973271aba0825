import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { SlackDeps } from "../../context.ts";
import { handleClick } from "./click.ts";
import { openEntryForm } from "./open-entry-form.ts";

export const DECISION_ACTION = "point_decision";

/** Opens the decision modal (text, owner, deadline) for the point. */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(DECISION_ACTION, (args) =>
    handleClick(deps, args, (click) => openEntryForm(deps, click, "decision")),
  );
}
