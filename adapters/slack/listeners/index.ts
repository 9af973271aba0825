import type { App } from "@slack/bolt";
import type { SlackDeps } from "../context.ts";
import * as amend from "./actions/amend.ts";
import * as approve from "./actions/approve.ts";
import * as change from "./actions/change.ts";
import * as conclude from "./actions/conclude.ts";
import * as concludeAnyway from "./actions/conclude-anyway.ts";
import * as decision from "./actions/decision.ts";
import * as entryDone from "./actions/entry-done.ts";
import * as entryPostpone from "./actions/entry-postpone.ts";
import * as goal from "./actions/goal.ts";
import * as goto from "./actions/goto.ts";
import * as next from "./actions/next.ts";
import * as note from "./actions/note.ts";
import * as pointForm from "./actions/point-form.ts";
import * as preInput from "./actions/pre-input.ts";
import * as previous from "./actions/previous.ts";
import * as roundOpen from "./actions/round-open.ts";
import * as saveReply from "./actions/save-reply.ts";
import * as sendInvitation from "./actions/send-invitation.ts";
import * as skip from "./actions/skip.ts";
import * as start from "./actions/start.ts";
import * as command from "./commands/arbejdsmiljo.ts";
import * as appHomeOpened from "./events/app-home-opened.ts";
import * as appUninstalled from "./events/app-uninstalled.ts";
import * as threadReply from "./events/thread-reply.ts";
import * as tokensRevoked from "./events/tokens-revoked.ts";
import * as saveMessage from "./shortcuts/save-message.ts";
import * as concludeReason from "./views/conclude-reason.ts";
import * as entryChange from "./views/entry-change.ts";
import * as entryForm from "./views/entry-form.ts";
import * as entryRemove from "./views/entry-remove.ts";
import * as plan from "./views/plan.ts";
import * as postpone from "./views/postpone.ts";
import * as roundForm from "./views/round-form.ts";
import * as setup from "./views/setup.ts";

const LISTENERS = {
  commands: [command],
  actions: [
    note,
    decision,
    goal,
    pointForm,
    change,
    next,
    goto,
    previous,
    skip,
    conclude,
    concludeAnyway,
    amend,
    approve,
    start,
    preInput,
    roundOpen,
    entryDone,
    entryPostpone,
    saveReply,
    sendInvitation,
  ],
  views: [entryForm, entryChange, entryRemove, setup, plan, concludeReason, postpone, roundForm],
  shortcuts: [saveMessage],
  events: [threadReply, appHomeOpened, appUninstalled, tokensRevoked],
};

/** Registers every listener: one file per command, action, view and event under listeners/. */
export function registerListeners(app: App, deps: SlackDeps) {
  for (const listener of Object.values(LISTENERS).flat()) listener.register(app, deps);
}
