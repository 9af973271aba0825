import type { CardRights } from "../../../src/app/card-rights.ts";
import { ACTIONS } from "../../../src/app/index.ts";
import type { Language } from "../../../src/domain/types.ts";
import { t } from "../texts.ts";
import { type Element, execute } from "./card.ts";

/** The verb of a card's refresh: asks for the card as the person looking at it may use it. */
export const MINE_VERB = ACTIONS.cardForMe.id;

/** Teams refreshes a card by itself for at most this many people named in `userIds`. */
export const MAX_REFRESH_USERS = 60;

/** Which card a refresh asks for: a point's (p) or the summary's (s) of discussion d. */
export type MineData = { d: string; p: number } | { d: string; s: 1 };

/** Whether `viewer` may use what `rights` grants to those listed; a card drawn for no one shows the shared buttons. */
export const may = (people: string[] | undefined, viewer: string | undefined): boolean =>
  people === undefined || (viewer !== undefined && people.includes(viewer));

/** The people a card with these rights is drawn differently for. */
export const privileged = (rights: CardRights): string[] => [
  ...new Set([...rights.conclude, ...rights.approve]),
];

const mineAction = (language: Language, data: MineData): Element =>
  execute(t(language, "teams.my_buttons"), ACTIONS.cardForMe, data);

/**
 * The card's `refresh`: Teams asks the bot for each listed person's own card when they see it. Past Teams' limit
 * no one is listed and a "show my buttons" button (`manual`) does the asking instead.
 */
export function refreshOf(
  language: Language,
  rights: CardRights,
  data: MineData,
): { refresh: Element; manual: Element[] } | null {
  const people = privileged(rights);
  if (people.length === 0) return null;
  const action = mineAction(language, data);
  if (people.length > MAX_REFRESH_USERS) return { refresh: { action }, manual: [action] };
  return { refresh: { action, userIds: people }, manual: [] };
}
