import type { KnownBlock } from "@slack/types";
import { languageOf } from "../../../src/app/index.ts";
import { t } from "../../../src/i18n/index.ts";
import { sections } from "../render/mrkdwn.ts";
import { itemBlocks } from "../render/open-item.ts";
import type { SubcommandArgs } from "./types.ts";

/** opfølgning / followup: the open decisions and goals of every year, each with owner, deadline, status and buttons. */
export async function followup({ deps, ctx, answer }: SubcommandArgs) {
  const l = languageOf(ctx);
  const open = await deps.core.listOpen(ctx);
  if (open.length === 0) return answer.say(t(l, "command.no_open_items"));
  const title = t(l, "command.open_items");
  const pages: { text: string; blocks: KnownBlock[] }[] = [];
  // Each item's text and its buttons stay on one message: 24 items (48 blocks) and the title fit Slack's 50.
  for (let i = 0; i < open.length; i += ITEMS_PER_MESSAGE) {
    const items = open.slice(i, i + ITEMS_PER_MESSAGE);
    const blocks = items.flatMap((item) => itemBlocks(l, ctx.workspace.timeZone, item));
    pages.push({ text: title, blocks: i === 0 ? [...sections(`*${title}*`), ...blocks] : blocks });
  }
  await answer.pages(pages);
}

const ITEMS_PER_MESSAGE = 24;
