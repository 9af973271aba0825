import type { SlashCommand } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Command, Subcommand } from "../../../src/app/commands.ts";
import type { Ctx } from "../../../src/app/index.ts";
import type { Answer } from "../answer.ts";
import type { SlackDeps } from "../context.ts";

/** What every subcommand of /arbejdsmiljø gets. */
export interface SubcommandArgs {
  deps: SlackDeps;
  ctx: Ctx;
  command: SlashCommand;
  client: WebClient;
  parsed: Extract<Command, { type: Subcommand }>;
  answer: Answer;
}

export type SubcommandHandler = (args: SubcommandArgs) => Promise<void>;
