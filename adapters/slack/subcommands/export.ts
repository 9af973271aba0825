import { t } from "../../../src/i18n/index.ts";
import type { SubcommandArgs } from "./types.ts";

/** eksport / export: the summary as Markdown and PDF and the follow-up as CSV, uploaded to the channel. */
export async function exportYear({ deps, ctx, command, parsed, answer }: SubcommandArgs) {
  await deps.core.sendExport(ctx, { channel: command.channel_id, year: parsed.year });
  const year = parsed.year ?? new Date().getFullYear();
  await answer.say(t(ctx.workspace.language, "command.export_sent", { year }));
}
