import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../context.ts";
import { ACTION } from "../../render/actions.ts";
import { onOpenForm } from "./shared.ts";

/** Opens the note modal for the point. */
export function register(app: App, deps: SlackDeps) {
  onOpenForm(app, deps, ACTION.note, "note");
}
