import { formatDate, t } from "../../../src/i18n/index.ts";
import { escapeMrkdwn } from "../render/mrkdwn.ts";
import type { SubcommandArgs } from "./types.ts";

/** opfølgning / followup: the open decisions and goals of every year, with their deadlines. */
export async function followup({ deps, ctx, answer }: SubcommandArgs) {
  const l = ctx.workspace.language;
  const open = await deps.core.listOpen(ctx);
  if (open.length === 0) return answer.say(t(l, "command.no_open_items"));
  const lines = open.map((o) => {
    const due = o.deadline
      ? ` (${t(l, "summary.deadline")}: ${formatDate(l, o.deadline, ctx.workspace.timeZone)})`
      : "";
    return `• ${o.year}, ${escapeMrkdwn(o.described.label)}: ${escapeMrkdwn(o.described.text)}${due}`;
  });
  await answer.say(`*${t(l, "command.open_items")}*\n${lines.join("\n")}`);
}
