import type { KnownBlock } from "@slack/types";

/** Block Kit's limits (docs: reference/block-kit): what Slack rejects beyond them. */
export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerModal: 100,
  textChars: 3000,
  headerChars: 150,
  modalTitleChars: 24,
  buttonChars: 75,
  optionChars: 75,
  labelChars: 2000,
  placeholderChars: 150,
  actionsPerBlock: 25,
  contextElements: 10,
  fallbackTextChars: 4000,
  valueChars: 2000,
} as const;

/**
 * Escapes user text for mrkdwn: &, < and > become entities, so no <!channel>, <@U…> or <url|label> can be formed
 * from what a user wrote. Formatting characters (*, _, ~, `) are neutralised with a zero-width joiner.
 */
export function escapeMrkdwn(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([*_~`])/g, "$1\u200B");
}

/** Cuts plain text to a limit with an ellipsis (for labels and buttons, never for content). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Splits long mrkdwn into pieces Slack accepts, at line breaks where possible. */
export function splitText(text: string, max: number = LIMITS.textChars): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf("\n", max);
    if (cut < max / 2) cut = rest.lastIndexOf(" ", max);
    if (cut < max / 2) cut = max;
    // Never cut inside an entity such as &amp;
    const amp = rest.lastIndexOf("&", cut);
    if (amp > cut - 6 && rest.indexOf(";", amp) >= cut) cut = amp;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, "");
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

export const section = (text: string): KnownBlock => ({ type: "section", text: { type: "mrkdwn", text } });
export const header = (text: string): KnownBlock => ({
  type: "header",
  text: { type: "plain_text", text: clip(text, LIMITS.headerChars), emoji: false },
});
/** A context line; text beyond one element's 3,000 characters goes into further elements (at most 10). */
export const context = (text: string): KnownBlock => ({
  type: "context",
  elements: splitText(text)
    .slice(0, LIMITS.contextElements)
    .map((piece) => ({ type: "mrkdwn" as const, text: piece || " " })),
});
export const divider = (): KnownBlock => ({ type: "divider" });

/** Sections for a long text, each within the text limit. */
export function sections(text: string): KnownBlock[] {
  return splitText(text).map(section);
}

/** Groups blocks into messages of at most 50 blocks, so nothing is ever rejected or cut. */
export function paginate(blocks: KnownBlock[], max: number = LIMITS.blocksPerMessage): KnownBlock[][] {
  const pages: KnownBlock[][] = [];
  for (let i = 0; i < blocks.length; i += max) pages.push(blocks.slice(i, i + max));
  return pages.length > 0 ? pages : [[]];
}
