import type { Ctx } from "../../../src/app/index.ts";
import { t } from "../../../src/i18n/index.ts";
import type { TeamsDeps } from "../context.ts";
import type { Inbound } from "../turn.ts";

/** The bot was added to a team, chat or personal scope: say hello and how to begin (the reference is already kept). */
export async function onInstalled(deps: TeamsDeps, ctx: Ctx, inbound: Inbound): Promise<void> {
  if (!inbound.botAdded) return;
  await inbound
    .reply({ text: t(ctx.workspace.language, "teams.welcome"), cards: [] })
    .catch((error) => deps.log.warn("could not send the welcome", { error: String(error) }));
}
