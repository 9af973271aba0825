import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../context.ts";
import { ACTION } from "../../render/actions.ts";
import { onOpenForm } from "./shared.ts";

/** Opens the decision modal (text, owner, deadline) for the point. */
export function register(app: App, deps: SlackDeps) {
  onOpenForm(app, deps, ACTION.decision, "decision");
}
