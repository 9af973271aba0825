import type { BoardView } from "../../../src/app/chat-port.ts";
import { formatDateTime, t } from "../../../src/i18n/index.ts";
import { type AdaptiveCard, card, escapeMd, heading, subtle, textBlock } from "./card.ts";

/** The discussion at a glance: when, where, how far, and every point's status. Updated in place. */
export function boardCard(view: BoardView): AdaptiveCard {
  const l = view.language;
  const done = view.points.filter((p) => p.status === "done" || p.status === "skipped").length;
  const lines = [
    t(l, `status.${view.status}`),
    view.scheduledAt
      ? t(l, "board.when", { when: formatDateTime(l, view.scheduledAt, view.timeZone) })
      : null,
    view.location ? t(l, "board.where", { where: view.location }) : null,
    t(l, "board.progress", { done, total: view.points.length }),
  ].filter((x): x is string => Boolean(x));
  return card([
    heading(t(l, "board.title", { year: view.year })),
    subtle(lines.join(" · ")),
    ...view.points.map((p) => {
      const current = view.currentPoint === p.number;
      return textBlock(`${p.number}. ${escapeMd(p.title)} · ${t(l, `point.${p.status}`)}`, {
        spacing: "Small",
        ...(current ? { weight: "Bolder", color: "accent" } : {}),
      });
    }),
  ]);
}
