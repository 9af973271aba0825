import type { App } from "@slack/bolt";
import { AGENDA } from "../../../../src/domain/agenda.ts";
import { t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { ACTION, encodeValue } from "../../render/actions.ts";
import { postponeModal, preInputModal } from "../../render/setup-modals.ts";
import { onButton } from "./shared.ts";

/** The buttons on reminders: start the meeting, add input beforehand, mark done, postpone. */
export function register(app: App, deps: SlackDeps) {
  onButton(app, deps, ACTION.start, async ({ ctx, body, tell }) => {
    await deps.core.start(ctx, { channel: body.channel?.id ?? null }, `start:${body.trigger_id}`);
    await tell(t(ctx.workspace.language, "command.started"));
  });
  onButton(app, deps, ACTION.preInput, async ({ ctx, value, body, client }) => {
    const l = ctx.workspace.language;
    const points = AGENDA.map((p) => ({ number: p.number, title: p.title[l] }));
    const metadata = JSON.stringify({ k: "pre_input", d: value.d });
    await client.views.open({ trigger_id: body.trigger_id, view: preInputModal(l, metadata, points) });
  });
  onButton(app, deps, ACTION.entryDone, async ({ ctx, value, tell }) => {
    await deps.core.setEntryStatus(ctx, { entryId: value.e ?? "", status: "done" }, null);
    await tell(t(ctx.workspace.language, "command.marked_done"));
  });
  onButton(app, deps, ACTION.entryPostpone, async ({ ctx, value, body, client }) => {
    await client.views.open({
      trigger_id: body.trigger_id,
      view: postponeModal(ctx.workspace.language, encodeValue({ d: "", e: value.e })),
    });
  });
}
