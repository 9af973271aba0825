import type { WebClient } from "@slack/web-api";
import type { Language } from "../../src/domain/types.ts";
import { t } from "./texts.ts";

const CHANNEL_ID = /^[CG][A-Z0-9_]{2,}$/; // Slack ids (letters and digits); nothing that could break out of <#…>

/**
 * Makes sure the bot is in the channel the discussion uses (it must be, to post, pin and hear thread replies). A
 * public channel is joined; for a private one it is not in, the answer is a hint, in the user's language, to
 * invite it. Null when all is well or cannot be told (a missing scope never blocks anyone).
 */
export async function inviteHint(client: WebClient, language: Language, channel: string | null | undefined) {
  if (!channel || !CHANNEL_ID.test(channel)) return null;
  try {
    const info = await client.conversations.info({ channel });
    if (!info.channel || info.channel.is_member) return null;
    if (!info.channel.is_private) {
      await client.conversations.join({ channel });
      return null;
    }
    return t(language, "slack.invite_bot", { channel: `<#${channel}>` });
  } catch {
    return null;
  }
}
