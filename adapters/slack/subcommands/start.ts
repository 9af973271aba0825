import { startDiscussion } from "../start-discussion.ts";
import type { SubcommandArgs } from "./types.ts";

/** start / begin: starts this year's discussion in the channel. */
export async function start({ deps, ctx, command, client, answer }: SubcommandArgs) {
  await answer.say(
    await startDiscussion(deps, ctx, client, command.channel_id, `start:${command.trigger_id}`),
  );
}
