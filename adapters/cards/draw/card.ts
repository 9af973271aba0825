/** Adaptive Card 1.5 building blocks, and the paging that keeps each card under Teams' message size limit. */

import type { Mention, Payload, UserAction } from "../../../src/app/index.ts";

export type Element = Record<string, unknown>;

export interface AdaptiveCard {
  type: "AdaptiveCard";
  $schema: string;
  version: "1.5";
  body: Element[];
  actions?: Element[];
  /** Universal Actions: asks the bot for the card as the person seeing it may use it (adapters/cards/draw/refresh.ts). */
  refresh?: Element;
  msteams?: { width: "Full" };
}

/** What one outgoing message becomes: plain text, or one or more cards (the first is the message itself). */
export interface Rendered {
  text?: string;
  /** People the plain text names, for Teams to mention (the local channel shows the names as they are). */
  mentions?: Mention[];
  cards: AdaptiveCard[];
}

/**
 * Teams refuses messages over about 28 KB including the activity around the card; a card's JSON stays below this
 * many bytes, and anything longer continues on the next card.
 */
export const CARD_BUDGET = 24_000;
/** No single text block grows past this; longer text is split at line or word ends over several blocks. */
const TEXT_BLOCK_BUDGET = 6_000;

export const ADAPTIVE_CARD_TYPE = "application/vnd.microsoft.card.adaptive";

export function card(body: Element[], actions: Element[] = []): AdaptiveCard {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
    ...(actions.length > 0 ? { actions } : {}),
    msteams: { width: "Full" },
  };
}

const MARKDOWN_CHARACTER = /[\\*_[\]`~]/;
const MARKDOWN_CHARACTERS = /([\\*_[\]`~])/g;
// A marker followed by a space or tab, or alone on its line (an empty list item; under a line of text, a heading).
// The space or tab is replaced; a line break is kept.
const LINE_MARKER = /^[ \t]*(?:[-+>#]|\d+[.)])(?:[ \t]|$)/m;
const LINE_MARKERS = /^([ \t]*)([-+>#]|\d+[.)])(?:[ \t]|$)/gm;

/** Escapes the Markdown that Adaptive Cards would otherwise interpret in user text (links, emphasis, lists). */
export function escapeMd(text: string): string {
  // Most text has nothing to escape, and a test is cheaper than a replace.
  const escaped = MARKDOWN_CHARACTER.test(text) ? text.replace(MARKDOWN_CHARACTERS, "\\$1") : text;
  // A line that starts like a list item or heading ("1. Valg", "- x", "2) y") would become one: a no-break space
  // after the marker keeps it plain text without showing an escape character.
  return LINE_MARKER.test(escaped) ? escaped.replace(LINE_MARKERS, "$1$2\u00A0") : escaped;
}

export const textBlock = (text: string, options: Element = {}): Element => ({
  type: "TextBlock",
  text,
  wrap: true,
  ...options,
});

export const heading = (text: string): Element =>
  textBlock(escapeMd(text), { size: "Large", weight: "Bolder", style: "heading" });

export const subheading = (text: string): Element =>
  textBlock(escapeMd(text), { weight: "Bolder", spacing: "Medium" });

export const subtle = (text: string): Element => textBlock(escapeMd(text), { isSubtle: true, size: "Small" });

export const notice = (text: string, tone: "good" | "attention" = "attention"): Element =>
  textBlock(escapeMd(text), { color: tone, weight: "Bolder" });

/** Long text as as many blocks as it needs (split at line ends, then at spaces; never shortened). */
export function paragraphs(text: string, options: Element = {}): Element[] {
  return splitText(text, TEXT_BLOCK_BUDGET).map((part) => textBlock(part, options));
}

export function splitText(text: string, maxBytes: number): string[] {
  if (Buffer.byteLength(text) <= maxBytes) return [text];
  const parts: string[] = [];
  let current = "";
  const push = () => {
    if (current) parts.push(current);
    current = "";
  };
  for (const line of text.split("\n")) {
    const candidate = current ? `${current}\n${line}` : line;
    if (Buffer.byteLength(candidate) <= maxBytes) {
      current = candidate;
      continue;
    }
    push();
    if (Buffer.byteLength(line) <= maxBytes) {
      current = line;
      continue;
    }
    for (const word of line.split(/(?<=\s)/)) {
      if (Buffer.byteLength(current + word) > maxBytes) push();
      // A single "word" longer than the budget (no spaces at all) is split by characters.
      let rest = word;
      while (Buffer.byteLength(rest) > maxBytes) {
        let cut = Math.floor(maxBytes / 4);
        while (cut < rest.length && Buffer.byteLength(rest.slice(0, cut + 1)) <= maxBytes) cut++;
        parts.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      current += rest;
    }
  }
  push();
  return parts;
}

/** An Action.Execute button: its verb is the action's id, its data what the action's schema accepts. */
export const execute = <A extends UserAction>(
  title: string,
  action: A,
  data: Payload<A>,
  style?: "positive" | "destructive",
): Element => ({
  type: "Action.Execute",
  title,
  verb: action.id,
  data,
  ...(style ? { style } : {}),
});

export const actionSet = (actions: Element[]): Element => ({ type: "ActionSet", actions });

const size = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/**
 * Lays out a message over as many cards as its content needs: the head and the actions on the first card, the
 * body elements after them in order, each further card opening with `continued(page)`.
 */
export function paginate(
  head: Element[],
  body: Element[],
  actions: Element[],
  continued: (page: number) => string,
): AdaptiveCard[] {
  const cards: AdaptiveCard[] = [];
  let current = card([...head], actions);
  let used = size(current);
  let placed = 0;
  for (const element of body) {
    const cost = size(element) + 1;
    if (used + cost > CARD_BUDGET && placed > 0) {
      cards.push(current);
      current = card([subheading(continued(cards.length + 1))]);
      used = size(current);
      placed = 0;
    }
    current.body.push(element);
    used += cost;
    placed++;
  }
  cards.push(current);
  return cards;
}
