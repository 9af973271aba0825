import { languageOf } from "../../../src/app/index.ts";
import { t } from "../../../src/i18n/index.ts";
import type { SubcommandArgs } from "./types.ts";

/**
 * eksport / export: the summary as Markdown and PDF and the follow-up as CSV, uploaded to the discussion's channel
 * when asked there, otherwise to the asker's direct messages (the files are seen by whoever is in the conversation).
 */
export async function exportYear({ deps, ctx, command, client, parsed, answer }: SubcommandArgs) {
  const where = await deps.core.readAccess(ctx, parsed.year);
  let channel = command.channel_id;
  if (where === "private") {
    const dm = await client.conversations.open({ users: command.user_id });
    if (!dm.channel?.id) throw new Error("Slack opened no direct message");
    channel = dm.channel.id;
  }
  const year = await deps.core.sendExport(
    { ...ctx, place: { conversation: channel, private: where === "private" } },
    { channel, year: parsed.year },
  );
  await answer.say(t(languageOf(ctx), "command.export_sent", { year }));
}
