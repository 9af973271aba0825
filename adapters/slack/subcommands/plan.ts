import { languageOf } from "../../../src/app/index.ts";
import { t } from "../../../src/i18n/index.ts";
import { COMMAND_NAME } from "../command-name.ts";
import { planModal } from "../render/setup-modals.ts";
import type { SubcommandArgs } from "./types.ts";

/** planlæg / plan: the planning modal (date, time, place, participants, channel). */
export async function plan({ deps, ctx, command, client, answer }: SubcommandArgs) {
  if (ctx.workspace.headcount === null)
    return answer.say(t(languageOf(ctx), "error.not_set_up", { command: COMMAND_NAME }));
  await deps.core.checkPlanAccess(ctx);
  await client.views.open({
    trigger_id: command.trigger_id,
    view: planModal(ctx.workspace, command.channel_id, languageOf(ctx)),
  });
}
