import type { OutboundMessage } from "../../../src/app/chat-port.ts";
import { boardCard } from "./board.ts";
import type { Rendered } from "./card.ts";
import { announcementCards, completenessCard, textCards } from "./other.ts";
import { pointCards } from "./point.ts";
import { summaryCards } from "./summary.ts";

/** Any message of the core as Teams content: plain text, or cards (more than one when the content is long). */
export function render(message: OutboundMessage): Rendered {
  switch (message.kind) {
    case "text":
      if (message.view.actions?.length) return { cards: textCards(message.view) };
      return message.view.mentions?.length
        ? { text: message.view.text, mentions: message.view.mentions, cards: [] }
        : { text: message.view.text, cards: [] };
    case "board":
      return { cards: [boardCard(message.view)] };
    case "point":
      return { cards: pointCards(message.view) };
    case "announcement":
      return { cards: announcementCards(message.view) };
    case "summary":
      return { cards: summaryCards(message.view) };
    case "completeness":
      return { cards: [completenessCard(message.view)] };
  }
}
