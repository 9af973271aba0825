import type { KnownBlock } from "@slack/types";
import type { OutboundMessage } from "../../../src/app/chat-port.ts";
import { t } from "../../../src/i18n/index.ts";
import { boardBlocks } from "./board.ts";
import { paginate } from "./mrkdwn.ts";
import { announcementBlocks, completenessBlocks, textBlocks } from "./other.ts";
import { pointBlocks } from "./point.ts";
import { summaryPages } from "./summary.ts";

/** Any outbound message as Slack blocks: the first page is the message itself, further pages go in its thread. */
export function render(message: OutboundMessage): { text: string; pages: KnownBlock[][] } {
  switch (message.kind) {
    case "board": {
      const { text, blocks } = boardBlocks(message.view);
      return { text, pages: paginate(blocks) };
    }
    case "point": {
      const { text, blocks } = pointBlocks(message.view);
      return { text, pages: paginate(blocks) };
    }
    case "announcement": {
      const { text, blocks } = announcementBlocks(message.view);
      return { text, pages: paginate(blocks) };
    }
    case "summary":
      return summaryPages(message.view);
    case "completeness":
      return {
        text: t(message.view.language, "completeness.title"),
        pages: paginate(completenessBlocks(message.view)),
      };
    case "text": {
      const { text, blocks } = textBlocks(message.view);
      return { text, pages: paginate(blocks) };
    }
  }
}
