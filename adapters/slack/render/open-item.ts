import type { KnownBlock } from "@slack/types";
import { ACTIONS, type OpenItem, openItemText } from "../../../src/app/index.ts";
import { t } from "../../../src/i18n/index.ts";
import { encodeValue } from "./actions.ts";
import { escapeMrkdwn, sections } from "./mrkdwn.ts";

/** One open decision or goal: what it is and how it stands, then "done" and "postpone". */
export function itemBlocks(l: "da" | "en", timeZone: string, item: OpenItem): KnownBlock[] {
  const button = (action: typeof ACTIONS.entryDone | typeof ACTIONS.postpone, label: string) => ({
    type: "button" as const,
    action_id: action.id,
    text: { type: "plain_text" as const, text: label },
    value: encodeValue(action, { e: item.id }),
  });
  return [
    ...sections(escapeMrkdwn(openItemText(l, timeZone, item))),
    {
      type: "actions",
      block_id: `followup_${item.id}`,
      elements: [
        button(ACTIONS.entryDone, t(l, "button.done")),
        button(ACTIONS.postpone, t(l, "button.postpone")),
      ],
    },
  ];
}
