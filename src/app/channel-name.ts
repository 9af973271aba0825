import type { Workspace } from "../domain/entities.ts";
import type { Deps } from "./context.ts";

/** How long a conclusion waits for the platform to name the channel before it goes on without the name. */
const NAME_WAIT_MS = 2000;

/**
 * The channel's name as the platform gives it ("#arbejdsmiljø"), for the referat's "held in"; null where the platform
 * names none, fails or is slow. The name is a nicety: it never holds a conclusion up or stops it.
 */
export async function channelNameOf(
  deps: Deps,
  workspace: Workspace,
  channel: string | null,
): Promise<string | null> {
  const chat = deps.chatFor(workspace);
  if (!channel || !chat.channelName) return null;
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), NAME_WAIT_MS);
  });
  try {
    return await Promise.race([chat.channelName(channel), slow]);
  } catch (error) {
    deps.log.warn("could not ask the platform for the channel's name", { error: String(error) });
    return null;
  } finally {
    clearTimeout(timer);
  }
}
