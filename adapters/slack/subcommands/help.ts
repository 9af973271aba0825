import { helpText } from "../../../src/app/help.ts";
import { languageOf } from "../../../src/app/index.ts";
import type { SubcommandArgs } from "./types.ts";

/** hjælp / help: every subcommand with its English alias. */
export async function help({ ctx, command, answer }: SubcommandArgs) {
  await answer.say(helpText(languageOf(ctx), command.command));
}
