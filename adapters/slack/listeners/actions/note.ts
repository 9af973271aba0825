import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { ACTIONS } from "../../../../src/app/index.ts";
import type { SlackDeps } from "../../context.ts";
import { handleClick } from "./click.ts";
import { openEntryForm } from "./open-entry-form.ts";

const ACTION = ACTIONS.note;

/** Opens the note modal for the point. */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(ACTION.id, (args) =>
    handleClick(deps, ACTION, args, (click) => openEntryForm(deps, click, "note")),
  );
}
