import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { ACTIONS } from "../../../../src/app/index.ts";
import type { SlackDeps } from "../../context.ts";
import { handleClick } from "./click.ts";
import { openEntryForm } from "./open-entry-form.ts";

const ACTION = ACTIONS.pointForm;

/** Opens the point's own form (minute-taker, accidents, cooperation plan …), named in the button. */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(ACTION.id, (args) =>
    handleClick(deps, ACTION, args, (click) => openEntryForm(deps, click, click.value.f)),
  );
}
