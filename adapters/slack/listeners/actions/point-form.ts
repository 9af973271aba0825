import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import type { FormKind } from "../../../../src/app/forms.ts";
import type { SlackDeps } from "../../context.ts";
import { handleClick } from "./click.ts";
import { openEntryForm } from "./open-entry-form.ts";

export const POINT_FORM_ACTION = "point_form";

/** Opens the point's own form (minute-taker, accidents, cooperation plan …), named in the button. */
export function register(app: App, deps: SlackDeps) {
  app.action<BlockAction<ButtonAction>>(POINT_FORM_ACTION, (args) =>
    handleClick(deps, args, (click) => openEntryForm(deps, click, click.value.f as FormKind)),
  );
}
