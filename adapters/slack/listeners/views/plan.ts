import type { App, ViewSubmitAction } from "@slack/bolt";
import { ACTIONS, languageOf } from "../../../../src/app/index.ts";
import { formatDateTime, t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { inviteHint } from "../../membership.ts";
import { fieldState, stateValue } from "../../render/forms.ts";
import { checkThen, handleSubmit } from "./submission.ts";

const PLAN_BLOCKS = ["date", "time", "duration", "location", "participants", "standIn", "channel"];

const ACTION = ACTIONS.plan;

/**
 * Plans (or moves) the meeting; the core posts the announcement and the calendar invitation. Checked before the
 * answer (participants standing by their ids), planned after it, with their names.
 */
export function register(app: App, deps: SlackDeps) {
  app.view<ViewSubmitAction>(ACTION.id, (args) =>
    handleSubmit(deps, args, async ({ ctx, state }) => {
      const value = (id: string) => stateValue(fieldState(state, id));
      const chosen = fieldState(state, "participants")?.selected_users ?? [];
      const standInId = value("standIn");
      const input = (
        participants: { id: string; name: string; role: "other" }[],
        standIn: { id: string; name: string } | null,
      ) => ({
        date: value("date") ?? "",
        time: value("time") ?? "",
        durationMinutes: value("duration") ? Number(value("duration")) : null,
        location: value("location"),
        channel: value("channel"),
        participants,
        standIn,
      });
      const draft = chosen.map((id) => ({ id, name: id, role: "other" as const }));
      return checkThen(
        ctx,
        () =>
          deps.core.precheckSchedule(
            ctx,
            input(draft, standInId ? { id: standInId, name: standInId } : null),
          ),
        async ({ ctx, person }) => {
          const participants = [];
          for (const id of chosen) {
            const p = await person(id);
            if (p) participants.push({ ...p, role: "other" as const });
          }
          const standIn = await person(standInId ?? null);
          const result = await deps.core.schedule(
            ctx,
            input(participants, standIn),
            `view:${args.body.view.id}`,
          );
          const l = languageOf(ctx);
          const when = result.discussion.scheduledAt
            ? formatDateTime(l, result.discussion.scheduledAt, ctx.workspace.timeZone)
            : "";
          const warnings = result.warnings.map((w) => t(l, `plan.warning.${w}`));
          const hint = await inviteHint(args.client, l, result.discussion.channelId);
          await args.client.chat.postMessage({
            channel: ctx.actor.userId,
            text: [t(l, "command.planned", { when }), ...warnings, hint].filter(Boolean).join("\n"),
          });
        },
        // A problem is shown at its own field; one the modal has no field for, at the date.
        (field) => {
          const block = field.split(".")[0] ?? "";
          return PLAN_BLOCKS.includes(block) ? block : block === "durationMinutes" ? "duration" : "date";
        },
      );
    }),
  );
}
