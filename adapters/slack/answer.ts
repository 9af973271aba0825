import type { RespondFn } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Language } from "../../src/domain/types.ts";
import { splitText } from "./render/mrkdwn.ts";
import { t } from "./texts.ts";

/** A message to the user who typed the command: text, and blocks when it has them. */
export interface AnswerPage {
  text: string;
  blocks?: unknown[];
}

/** Slack accepts five answers through a command's response_url; the fifth says where the rest went. */
const RESPONSE_URL_USES = 5;

/**
 * Answers a command privately, in as many messages as it takes: through the response_url while Slack allows it,
 * then in a direct message from the bot, so a long answer is never cut off or refused.
 */
export function commandAnswer(respond: RespondFn, client: WebClient, userId: string, language: Language) {
  const pages = async (list: AnswerPage[]) => {
    const direct = list.length > RESPONSE_URL_USES ? list.slice(RESPONSE_URL_USES - 1) : [];
    const viaUrl = direct.length ? list.slice(0, RESPONSE_URL_USES - 1) : list;
    for (const page of viaUrl) await respond({ response_type: "ephemeral", ...page } as never);
    if (direct.length === 0) return;
    await respond({ response_type: "ephemeral", text: t(language, "slack.continued_in_dm") });
    for (const page of direct) await client.chat.postMessage({ channel: userId, ...page } as never);
  };
  return {
    pages,
    /** One text, split where it is too long for one message. */
    say: (text: string) => pages(splitText(text).map((piece) => ({ text: piece }))),
  };
}

export type Answer = ReturnType<typeof commandAnswer>;
