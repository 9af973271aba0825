import type { Language } from "../../../src/domain/types.ts";
import { actionSet, type Element, subtle } from "../../cards/draw/card.ts";
import type { ConversationKind } from "../../cards/inbound.ts";
import { t } from "../texts.ts";

/** The entity id the configuration page gives a channel's (or group chat's) tab: deep links name it. */
export const CHANNEL_TAB = "arbejdsmiljo-referat";
/** The personal tab's entity id in the manifest. */
export const PERSONAL_TAB = "referat";

/**
 * A Teams deep link to the app's tab: in a channel or group chat the tab added there (the channel or chat in its
 * context, as Microsoft's deep-link format has it), in a personal chat the app's own tab.
 */
export function tabLink(
  appId: string,
  language: Language,
  conversation: { id: string; kind: ConversationKind },
): string {
  const app = encodeURIComponent(appId);
  if (conversation.kind === "personal") return `https://teams.microsoft.com/l/entity/${app}/${PERSONAL_TAB}`;
  const context =
    conversation.kind === "channel" ? { channelId: conversation.id } : { chatId: conversation.id };
  const label = encodeURIComponent(t(language, "tab.name"));
  return `https://teams.microsoft.com/l/entity/${app}/${CHANNEL_TAB}?label=${label}&context=${encodeURIComponent(JSON.stringify(context))}`;
}

/** Where the referat is kept, as the conversation the summary is shown in names it. */
const KEPT = {
  personal: "tab.kept_in_app",
  groupChat: "tab.kept_in_chat",
  channel: "tab.kept_in_tab",
} as const satisfies Record<ConversationKind, string>;

/** What the summary card says of the tab, and the button that opens it: Teams cannot pin, the tab keeps it. */
export function tabNote(appId: string) {
  return (language: Language, conversation: { id: string; kind: ConversationKind }): Element[] => [
    subtle(t(language, KEPT[conversation.kind])),
    actionSet([
      {
        type: "Action.OpenUrl",
        title: t(language, "tab.open_tab"),
        url: tabLink(appId, language, conversation),
      },
    ]),
  ];
}
