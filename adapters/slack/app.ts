import type { App } from "@slack/bolt";
import type { SlackDeps } from "./context.ts";
import * as approve from "./listeners/actions/approve.ts";
import * as conclude from "./listeners/actions/conclude.ts";
import * as move from "./listeners/actions/move.ts";
import * as record from "./listeners/actions/record.ts";
import * as reminderButtons from "./listeners/actions/reminder-buttons.ts";
import * as command from "./listeners/commands/arbejdsmiljo.ts";
import * as threadReply from "./listeners/events/thread-reply.ts";
import * as uninstalled from "./listeners/events/uninstalled.ts";
import * as concludeReason from "./listeners/views/conclude-reason.ts";
import * as entryForm from "./listeners/views/entry-form.ts";
import * as plan from "./listeners/views/plan.ts";
import * as postpone from "./listeners/views/postpone.ts";
import * as setup from "./listeners/views/setup.ts";

/** Registers every listener; each file owns one command, action group, view or event. */
export function registerListeners(app: App, deps: SlackDeps) {
  for (const listener of [
    command,
    record,
    move,
    conclude,
    approve,
    reminderButtons,
    entryForm,
    setup,
    plan,
    concludeReason,
    postpone,
    threadReply,
    uninstalled,
  ]) {
    listener.register(app, deps);
  }
}
