import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../context.ts";
import { ACTION } from "../../render/actions.ts";
import { onMove } from "./shared.ts";

/** Back to the previous point (from the version the user saw). */
export function register(app: App, deps: SlackDeps) {
  onMove(app, deps, ACTION.previous, "previous");
}
