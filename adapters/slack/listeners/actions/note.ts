import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { SlackDeps } from "../../context.ts";
import { handleClick } from "./click.ts";
import { openEntryForm } from "./open-entry-form.ts";

export const NOTE_ACTION = "point_note";

/** Opens the note modal for the point. */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(NOTE_ACTION, (args) =>
    handleClick(deps, args, (click) => openEntryForm(deps, click, "note")),
  );
}
