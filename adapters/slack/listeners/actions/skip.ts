import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../context.ts";
import { ACTION } from "../../render/actions.ts";
import { onMove } from "./shared.ts";

/** Skips the current point; it stays open for entries and shows as skipped in the summary. */
export function register(app: App, deps: SlackDeps) {
  onMove(app, deps, ACTION.skip, "skip");
}
