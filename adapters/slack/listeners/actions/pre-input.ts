import type { App } from "@slack/bolt";
import { AGENDA } from "../../../../src/domain/agenda.ts";
import type { SlackDeps } from "../../context.ts";
import { ACTION } from "../../render/actions.ts";
import { preInputModal } from "../../render/setup-modals.ts";
import { onButton } from "./shared.ts";

/** "Add input" on the reminder before the meeting: a note to any agenda point. */
export function register(app: App, deps: SlackDeps) {
  onButton(app, deps, ACTION.preInput, async ({ ctx, value, body, client }) => {
    const l = ctx.workspace.language;
    const points = AGENDA.map((p) => ({ number: p.number, title: p.title[l] }));
    const metadata = JSON.stringify({ k: "pre_input", d: value.d });
    await client.views.open({ trigger_id: body.trigger_id, view: preInputModal(l, metadata, points) });
  });
}
