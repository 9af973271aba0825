import { languageOf } from "../../../src/app/index.ts";
import { t } from "../../../src/i18n/index.ts";
import type { SubcommandArgs } from "./types.ts";

/** tilsyn / inspection: the inspection folder as a PDF and a ZIP, in a direct message to the one who asked. */
export async function inspection({ deps, ctx, command, client, answer }: SubcommandArgs) {
  // Asked before Slack is, so a person who may not have the folder is told so without a message opened.
  const files = await deps.core.inspectionFiles(ctx);
  const dm = await client.conversations.open({ users: command.user_id });
  if (!dm.channel?.id) throw new Error("Slack opened no direct message");
  const chat = deps.core.deps.chatFor(ctx.workspace);
  for (const file of files) await chat.sendFile(dm.channel.id, file);
  await answer.say(t(languageOf(ctx), "command.inspection_sent"));
}
