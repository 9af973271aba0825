import { languageOf } from "../../../src/app/index.ts";
import { setupModal } from "../render/setup-modals.ts";
import type { SubcommandArgs } from "./types.ts";

/** opsæt / setup: the setup modal, filled in with what is stored; who may not change it is told so instead. */
export async function setup({ deps, ctx, command, client }: SubcommandArgs) {
  await deps.core.checkSetupAccess(ctx);
  const members = await deps.core.members(ctx);
  await client.views.open({
    trigger_id: command.trigger_id,
    view: setupModal(ctx.workspace, members, command.channel_id, languageOf(ctx)),
  });
}
