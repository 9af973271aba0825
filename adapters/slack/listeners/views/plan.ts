import type { App } from "@slack/bolt";
import { formatDateTime, t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { inviteHint } from "../../membership.ts";
import { VIEW } from "../../render/actions.ts";
import { fieldState, stateValue } from "../../render/forms.ts";
import { inlineErrors, onSubmit } from "./shared.ts";

const PLAN_BLOCKS = ["date", "time", "duration", "location", "participants", "channel"];

/** Plans (or moves) the meeting; the core posts the announcement and the calendar invitation. */
export function register(app: App, deps: SlackDeps) {
  onSubmit(app, deps, VIEW.plan, async ({ ctx, state, args, person }) => {
    const value = (id: string) => stateValue(fieldState(state, id));
    const participants = [];
    for (const id of fieldState(state, "participants")?.selected_users ?? []) {
      const p = await person(id);
      if (p) participants.push({ ...p, role: "other" as const });
    }
    try {
      const result = await deps.core.schedule(
        ctx,
        {
          date: value("date") ?? "",
          time: value("time") ?? "",
          durationMinutes: value("duration") ? Number(value("duration")) : null,
          location: value("location"),
          channel: value("channel"),
          participants,
        },
        `view:${args.body.view.id}`,
      );
      const l = ctx.workspace.language;
      const when = result.discussion.scheduledAt
        ? formatDateTime(l, result.discussion.scheduledAt, ctx.workspace.timeZone)
        : "";
      const warnings = result.warnings.map((w) => t(l, `plan.warning.${w}`));
      const hint = await inviteHint(args.client, l, result.discussion.channelId);
      await args.client.chat.postMessage({
        channel: ctx.actor.userId,
        text: [t(l, "command.planned", { when }), ...warnings, hint].filter(Boolean).join("\n"),
      });
      return undefined;
    } catch (error) {
      // A problem is shown at its own field; one the modal has no field for, at the date.
      const errors = inlineErrors(ctx, error, (field) => {
        const block = field.split(".")[0] ?? "";
        return PLAN_BLOCKS.includes(block) ? block : block === "durationMinutes" ? "duration" : "date";
      });
      if (errors) return errors;
      throw error;
    }
  });
}
