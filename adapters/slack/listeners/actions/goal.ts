import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { SlackDeps } from "../../context.ts";
import { handleClick } from "./click.ts";
import { openEntryForm } from "./open-entry-form.ts";

export const GOAL_ACTION = "point_goal";

/** Opens the goal modal (text, success criterion, owner, deadline) for the point. */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(GOAL_ACTION, (args) =>
    handleClick(deps, args, (click) => openEntryForm(deps, click, "goal")),
  );
}
