import type { Mention } from "../../src/app/chat-port.ts";

/** A Teams mention entity: the `<at>` tag as it stands in the text, and whom it names. */
export interface MentionEntity {
  type: "mention";
  text: string;
  mentioned: { id: string; name: string };
}

/** Characters Teams would read as formatting or markup, written as entities so the text reads as written. */
const MARKUP = /[&<>*_~`#[\]\\]/g;
const escapeMarkup = (text: string) => text.replace(MARKUP, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The text with each person named in it as a Teams mention: `<at>Name</at>` in the text and an entity naming them by
 * their Entra object id, so Teams links the name and notifies the person. The rest is escaped, as the text is no
 * longer sent as plain text.
 */
export function mentionText(text: string, mentions: readonly Mention[]) {
  const entities: MentionEntity[] = [];
  let out = "";
  let from = 0;
  for (const m of [...mentions].sort((a, b) => a.at - b.at)) {
    if (m.at < from || text.slice(m.at, m.at + m.name.length) !== m.name) continue;
    const tag = `<at>${escapeMarkup(m.name)}</at>`;
    out += escapeMarkup(text.slice(from, m.at)) + tag;
    entities.push({ type: "mention", text: tag, mentioned: { id: m.userId, name: m.name } });
    from = m.at + m.name.length;
  }
  return { text: out + escapeMarkup(text.slice(from)), entities };
}
