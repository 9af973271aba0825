import { parseCommand } from "../../src/app/commands.ts";
import { helpText } from "../../src/app/help.ts";
import { ACTIONS, type Core, type Ctx, type Logger, type Place } from "../../src/app/index.ts";
import type { Language } from "../../src/domain/types.ts";
import { onCardAction } from "../cards/actions/index.ts";
import type { AdaptiveCard } from "../cards/draw/card.ts";
import type { CardDeps } from "../cards/inbound.ts";
import { onMessage } from "../cards/messages/index.ts";
import { inboundFrom, type LocalEvent } from "./inbound.ts";
import { CHANNEL, directChannel, PEOPLE, type Person, WORKSPACE_EXTERNAL_ID } from "./people.ts";
import type { LocalMessage, LocalStore } from "./store.ts";
import { t } from "./texts.ts";

/** How the page and the help name the command. */
export const COMMAND_NAME = "/arbejdsmiljø";
const COMMAND = /^\/arbejdsmilj(?:ø|o|oe)(?=\s|$)/i;

export interface LocalEnv {
  core: Core;
  store: LocalStore;
  /** What the card handlers shared with Teams need. */
  cards: CardDeps;
  log: Logger;
}

/** The workspace of the local trial and the person acting in it (the workspace is created on first contact). */
export async function localCtx(env: LocalEnv, person: Person): Promise<Ctx> {
  const name = t("da", "local.workspace_name");
  return env.core.context("local", WORKSPACE_EXTERNAL_ID, { userId: person.id, name: person.name }, name);
}

/** The language the local workspace speaks now (Danish until the setup says otherwise). */
export async function languageNow(env: LocalEnv): Promise<Language> {
  return (await localCtx(env, PEOPLE[0] as Person)).workspace.language;
}

/** Where an event happened: the channel is seen by everyone, a direct message by its person alone. */
const placeOf = (channel: string): Place => ({ conversation: channel, private: channel !== CHANNEL });

/** The conversations a person can read: the channel and their own direct messages. */
export const readable = (person: Person) => [CHANNEL, directChannel(person.id)];

export class NotFound extends Error {}

/**
 * Something written in the page: shown in the channel (or thread) as the person's message; a /arbejdsmiljø command
 * is answered by the bot, and a reply in an agenda point's thread becomes a note, as in Teams.
 */
export async function write(
  env: LocalEnv,
  person: Person,
  input: { text: string; threadId: string | null; requestId: string },
): Promise<LocalMessage> {
  const ctx = await localCtx(env, person);
  const workspaceId = ctx.workspace.id;
  let channel = CHANNEL;
  if (input.threadId) {
    const parent = await env.store.get(workspaceId, input.threadId);
    if (!parent || parent.threadId || !readable(person).includes(parent.channel)) throw new NotFound();
    channel = parent.channel;
  }
  const { message, created } = await env.store.insert(workspaceId, {
    channel,
    threadId: input.threadId,
    author: { id: person.id, name: person.name },
    body: { text: input.text, cards: [] },
    requestId: input.requestId,
  });
  if (!created) return message;
  const command = COMMAND.exec(input.text.trim());
  if (!command && !input.threadId) return message;
  const text = command ? input.text.trim().slice(command[0].length).trim() : input.text;
  const event: LocalEvent = {
    requestId: input.requestId,
    person,
    channel,
    threadId: input.threadId,
    text,
    addressed: Boolean(command),
    reply: async (rendered) => {
      await env.store.insert(workspaceId, {
        channel,
        threadId: input.threadId,
        body: { ...(rendered.text ? { text: rendered.text } : {}), cards: rendered.cards },
      });
    },
  };
  const l = ctx.workspace.language;
  const parsed = parseCommand(text);
  if (command && (parsed.type === "help" || parsed.type === "unknown" || parsed.type === "bad_argument")) {
    // The help names the command as it is typed here; everything else is answered as in Teams.
    const lead =
      parsed.type === "unknown"
        ? t(l, "command.unknown", { word: parsed.word })
        : parsed.type === "bad_argument"
          ? t(l, "command.bad_argument", { argument: parsed.argument })
          : undefined;
    await event.reply({ text: helpText(l, COMMAND_NAME, lead), cards: [] });
    return message;
  }
  await onMessage(env.cards, { ...ctx, place: placeOf(channel) }, inboundFrom(event));
  return message;
}

/** The agenda point a card's buttons act on, if any (their data carries it as `p`). */
function pointOf(card: unknown): number | null {
  if (Array.isArray(card)) {
    for (const item of card) {
      const found = pointOf(item);
      if (found !== null) return found;
    }
    return null;
  }
  if (!card || typeof card !== "object") return null;
  const node = card as Record<string, unknown>;
  const p = (node.data as { p?: unknown } | undefined)?.p;
  // The check's "go to point" buttons name where they lead, not which point the card is.
  if (node.type === "Action.Execute" && node.verb !== ACTIONS.goto.id && Number.isInteger(p))
    return p as number;
  return pointOf(Object.values(node).filter((v) => typeof v === "object"));
}

/**
 * A button pressed on a card: the card handler answers with a card, which takes the pressed card's place, as in
 * Teams. An answer about another agenda point (after "next point") is not put there: that point has its own message.
 * A refusal goes to the person alone, as Teams shows an answer to the one who pressed.
 */
export async function act(
  env: LocalEnv,
  person: Person,
  input: { messageId: string; cardIndex: number; verb: string; data: unknown; requestId: string },
): Promise<{ card: AdaptiveCard; refusal: string | null }> {
  const ctx = await localCtx(env, person);
  const message = await env.store.get(ctx.workspace.id, input.messageId);
  if (!message || !readable(person).includes(message.channel) || !message.body.cards[input.cardIndex]) {
    throw new NotFound();
  }
  const event: LocalEvent = {
    requestId: input.requestId,
    person,
    channel: message.channel,
    threadId: message.threadId,
    text: "",
    addressed: false,
    reply: async () => {},
  };
  const inbound = inboundFrom(event);
  const card = await onCardAction(
    env.cards,
    { ...ctx, place: placeOf(message.channel) },
    inbound,
    input.verb,
    input.data,
  );
  const refusal = refusalOf(card);
  if (refusal !== null) {
    // A refusal or a conflict is for the one who pressed: in their direct messages, the shared card left as it was.
    await env.store.insert(ctx.workspace.id, {
      channel: directChannel(person.id),
      threadId: null,
      body: { cards: [card] },
    });
    return { card, refusal };
  }
  // Going to a point answers with that point, which has its own message; the check pressed is refreshed by the move.
  if (input.verb === ACTIONS.goto.id) return { card, refusal: null };
  const pressed = pointOf(message.body.cards[input.cardIndex]);
  const answered = pointOf(card);
  if (pressed === null || answered === null || pressed === answered) {
    await env.store.replaceCard(ctx.workspace.id, message.id, input.cardIndex, card);
  }
  return { card, refusal: null };
}

/**
 * The refusal an answer carries (a notice in the attention colour on a card without inputs: "Det må du ikke …", "someone
 * moved first"), or null. A refused form keeps its inputs and stays where it was opened, to be put right.
 */
export function refusalOf(card: unknown): string | null {
  const found: string[] = [];
  let inputs = false;
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if (typeof o.type === "string" && o.type.startsWith("Input.")) inputs = true;
    if (o.type === "TextBlock" && o.color === "attention" && typeof o.text === "string") found.push(o.text);
    Object.values(o).forEach(walk);
  };
  walk(card);
  // The notice is card Markdown: its escapes are dropped for the plain status line.
  return inputs ? null : (found[0]?.replace(/\\(.)/g, "$1") ?? null);
}
