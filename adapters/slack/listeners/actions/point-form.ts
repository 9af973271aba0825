import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../context.ts";
import { ACTION } from "../../render/actions.ts";
import { onOpenForm } from "./shared.ts";

/** Opens the point's own form (minute-taker, accidents, cooperation plan …), named in the button. */
export function register(app: App, deps: SlackDeps) {
  onOpenForm(app, deps, ACTION.form, null);
}
