import type { App, ViewSubmitAction } from "@slack/bolt";
import { ACTIONS, languageOf } from "../../../../src/app/index.ts";
import { remindersFromForm, roundFromForm } from "../../../../src/app/reminder-settings.ts";
import type { Role } from "../../../../src/domain/types.ts";
import { t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { inviteHint } from "../../membership.ts";
import { fieldState, stateValue, type ViewState } from "../../render/forms.ts";
import { checkThen, handleSubmit, type WorkContext } from "./submission.ts";

const ACTION = ACTIONS.setup;

/**
 * Saves the setup, then tells the user who must take part, and the privacy notice to share. Checked before the answer
 * (the people chosen standing by their ids), saved after it, with their names.
 */
export function register(app: App, deps: SlackDeps) {
  app.view<ViewSubmitAction>(ACTION.id, (args) =>
    handleSubmit(deps, args, async ({ ctx, state }) => {
      const draft = await setupInput(state, async (id) => (id ? { id, name: id } : null));
      return checkThen(
        ctx,
        () => deps.core.precheckSetup(draft),
        async ({ ctx, person }) => {
          // auth.test names the workspace and needs no scope (team.info would need team:read).
          const team = await args.client.auth.test().catch(() => null);
          if (team?.team) await deps.core.context("slack", ctx.workspace.externalId, ctx.actor, team.team);
          const key = `view:${args.body.view.id}`;
          const saved = await deps.core.setupWorkspace(ctx, await setupInput(state, person), key);
          const { workspace, participation, warnings } = saved;
          const l = languageOf({ ...ctx, workspace });
          const hint = await inviteHint(args.client, l, workspace.defaultChannel);
          const done = t(l, "command.setup_done", { participation: participation.description[l] });
          const text = [done, ...warnings, hint, t(l, "setup.privacy")].filter(Boolean).join("\n\n");
          await args.client.chat.postMessage({ channel: ctx.actor.userId, text });
        },
        (field) => (field.startsWith("members") ? "employer" : field),
      );
    }),
  );
}

/** The setup as the modal gives it, with each person chosen named by `person`. */
async function setupInput(state: ViewState, person: WorkContext["person"]) {
  const value = (id: string) => stateValue(fieldState(state, id));
  const users = (id: string) => fieldState(state, id)?.selected_users ?? [];
  const chosen: [string | null, Role][] = [
    [value("employer"), "employer"],
    ...users("representatives").map((id): [string, Role] => [id, "amo_representative"]),
    ...users("leaders").map((id): [string, Role] => [id, "work_leader"]),
    ...users("employees").map((id): [string, Role] => [id, "employee"]),
  ];
  const members: { userId: string; name: string; role: Role; joinedAmoOn: null }[] = [];
  for (const [id, role] of chosen) {
    const p = await person(id);
    if (p && !members.some((m) => m.userId === p.id))
      members.push({ userId: p.id, name: p.name, role, joinedAmoOn: null });
  }
  return {
    headcount: Number(value("headcount")),
    timeZone: value("timeZone") ?? "Europe/Copenhagen",
    language: (value("language") as "da" | "en") ?? "da",
    defaultChannel: value("channel"),
    members,
    reminders: remindersFromForm(
      (fieldState(state, "remindersOff")?.selected_options ?? []).map((o) => o.value),
      value("prepareDays"),
    ),
    settings: roundFromForm((fieldState(state, "round")?.selected_options ?? []).map((o) => o.value)),
  };
}
