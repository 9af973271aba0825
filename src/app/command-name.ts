import type { Workspace } from "../domain/entities.ts";
import type { Deps } from "./context.ts";

/** What the texts name when a workspace's platform told no name of its own: the slash command. */
export const DEFAULT_COMMAND = "/arbejdsmiljø";

/** How people on the workspace's platform call the bot, for the texts that tell them what to write. */
export const commandOf = (deps: Pick<Deps, "commandFor">, workspace: Workspace): string =>
  deps.commandFor?.(workspace) ?? DEFAULT_COMMAND;
