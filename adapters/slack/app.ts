import type { App } from "@slack/bolt";
import type { SlackDeps } from "./context.ts";
import * as approve from "./listeners/actions/approve.ts";
import * as conclude from "./listeners/actions/conclude.ts";
import * as concludeAnyway from "./listeners/actions/conclude-anyway.ts";
import * as decision from "./listeners/actions/decision.ts";
import * as entryDone from "./listeners/actions/entry-done.ts";
import * as entryPostpone from "./listeners/actions/entry-postpone.ts";
import * as goal from "./listeners/actions/goal.ts";
import * as next from "./listeners/actions/next.ts";
import * as note from "./listeners/actions/note.ts";
import * as pointForm from "./listeners/actions/point-form.ts";
import * as preInput from "./listeners/actions/pre-input.ts";
import * as previous from "./listeners/actions/previous.ts";
import * as skip from "./listeners/actions/skip.ts";
import * as start from "./listeners/actions/start.ts";
import * as command from "./listeners/commands/arbejdsmiljo.ts";
import * as appUninstalled from "./listeners/events/app-uninstalled.ts";
import * as threadReply from "./listeners/events/thread-reply.ts";
import * as tokensRevoked from "./listeners/events/tokens-revoked.ts";
import * as concludeReason from "./listeners/views/conclude-reason.ts";
import * as entryForm from "./listeners/views/entry-form.ts";
import * as plan from "./listeners/views/plan.ts";
import * as postpone from "./listeners/views/postpone.ts";
import * as setup from "./listeners/views/setup.ts";

const LISTENERS = {
  commands: [command],
  actions: [
    note,
    decision,
    goal,
    pointForm,
    next,
    previous,
    skip,
    conclude,
    concludeAnyway,
    approve,
    start,
    preInput,
    entryDone,
    entryPostpone,
  ],
  views: [entryForm, setup, plan, concludeReason, postpone],
  events: [threadReply, appUninstalled, tokensRevoked],
};

/** Registers every listener: one file per command, action, view and event under listeners/. */
export function registerListeners(app: App, deps: SlackDeps) {
  for (const listener of Object.values(LISTENERS).flat()) listener.register(app, deps);
}
