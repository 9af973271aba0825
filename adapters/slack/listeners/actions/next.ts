import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../context.ts";
import { ACTION } from "../../render/actions.ts";
import { onMove } from "./shared.ts";

/** Next point: moves from the version the user saw, so two clicks at once move once. */
export function register(app: App, deps: SlackDeps) {
  onMove(app, deps, ACTION.next, "next");
}
