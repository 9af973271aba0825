import type { SubcommandArgs } from "./types.ts";

/** data: everything stored for the workspace, as a file in a direct message to the one who asked. */
export async function data({ deps, ctx, command, client }: SubcommandArgs) {
  const file = await deps.core.exportWorkspaceData(ctx);
  const dm = await client.conversations.open({ users: command.user_id });
  if (dm.channel?.id) await deps.core.deps.chatFor(ctx.workspace).sendFile(dm.channel.id, file);
}
