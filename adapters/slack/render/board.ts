import type { KnownBlock } from "@slack/types";
import type { BoardView } from "../../../src/app/chat-port.ts";
import { ACTIONS } from "../../../src/app/index.ts";
import { formatDateTime, t } from "../../../src/i18n/index.ts";
import { encodeValue } from "./actions.ts";
import { context, escapeMrkdwn, header, section } from "./mrkdwn.ts";

const MARK = { pending: "◻️", active: "▶️", done: "✅", skipped: "⏭️" } as const;

/** The board: the agenda with each point's progress, updated in place as the discussion moves. */
export function boardBlocks(view: BoardView): { text: string; blocks: KnownBlock[] } {
  const l = view.language;
  const title = t(l, "board.title", { year: view.year });
  const done = view.points.filter((p) => p.status === "done" || p.status === "skipped").length;
  const lines = view.points.map((p) => {
    const name =
      p.status === "active"
        ? `*${p.number}. ${escapeMrkdwn(p.title)}*`
        : `${p.number}. ${escapeMrkdwn(p.title)}`;
    return `${MARK[p.status]} ${name}`;
  });
  const meta = [
    t(l, `status.${view.status}`),
    t(l, "board.progress", { done, total: view.points.length }),
    view.scheduledAt
      ? t(l, "board.when", { when: formatDateTime(l, view.scheduledAt, view.timeZone) })
      : null,
    view.location ? t(l, "board.where", { where: escapeMrkdwn(view.location) }) : null,
  ].filter(Boolean);
  const blocks: KnownBlock[] = [header(title), context(meta.join(" · ")), section(lines.join("\n"))];
  if (view.status === "running") {
    blocks.push({
      type: "actions",
      elements: [
        {
          type: "button",
          action_id: ACTIONS.conclude.id,
          style: "primary",
          text: { type: "plain_text", text: t(l, "button.conclude") },
          value: encodeValue(ACTIONS.conclude, { d: view.discussionId, v: view.version }),
        },
      ],
    });
  }
  return { text: title, blocks };
}
