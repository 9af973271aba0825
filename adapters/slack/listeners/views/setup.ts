import type { App } from "@slack/bolt";
import { remindersFromForm } from "../../../../src/app/reminder-settings.ts";
import type { Role } from "../../../../src/domain/types.ts";
import { t } from "../../../../src/i18n/index.ts";
import type { SlackDeps } from "../../context.ts";
import { inviteHint } from "../../membership.ts";
import { VIEW } from "../../render/actions.ts";
import { fieldState, stateValue } from "../../render/forms.ts";
import { inlineErrors, onSubmit } from "./shared.ts";

/** Saves the setup, then tells the user who must take part, and the privacy notice to share. */
export function register(app: App, deps: SlackDeps) {
  onSubmit(app, deps, VIEW.setup, async ({ ctx, state, args, person }) => {
    const value = (id: string) => stateValue(fieldState(state, id));
    const users = (id: string) => fieldState(state, id)?.selected_users ?? [];
    const members: { userId: string; name: string; role: Role; joinedAmoOn: null }[] = [];
    const add = async (id: string | null | undefined, role: Role) => {
      const p = await person(id ?? null);
      if (p && !members.some((m) => m.userId === p.id))
        members.push({ userId: p.id, name: p.name, role, joinedAmoOn: null });
    };
    await add(value("employer"), "employer");
    for (const id of users("representatives")) await add(id, "amo_representative");
    for (const id of users("leaders")) await add(id, "work_leader");
    const team = await args.client.team.info().catch(() => null);
    if (team?.team?.name)
      await deps.core.context("slack", ctx.workspace.externalId, ctx.actor, team.team.name);
    try {
      const { workspace, participation } = await deps.core.setupWorkspace(
        ctx,
        {
          headcount: Number(value("headcount")),
          timeZone: value("timeZone") ?? "Europe/Copenhagen",
          language: (value("language") as "da" | "en") ?? "da",
          defaultChannel: value("channel"),
          members,
          reminders: remindersFromForm(
            (fieldState(state, "remindersOff")?.selected_options ?? []).map((o) => o.value),
            value("prepareDays"),
          ),
        },
        `view:${args.body.view.id}`,
      );
      const l = workspace.language;
      const hint = await inviteHint(args.client, l, workspace.defaultChannel);
      const text = [
        t(l, "command.setup_done", { participation: participation.description[l] }),
        hint,
        t(l, "setup.privacy"),
      ]
        .filter(Boolean)
        .join("\n\n");
      await args.client.chat.postMessage({ channel: ctx.actor.userId, text });
      return undefined;
    } catch (error) {
      const errors = inlineErrors(ctx, error, (field) => (field.startsWith("members") ? "employer" : field));
      if (errors) return errors;
      throw error;
    }
  });
}
