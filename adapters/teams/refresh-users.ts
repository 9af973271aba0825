import type { AdaptiveCard } from "../cards/draw/card.ts";

/**
 * Teams names the people of a card's refresh by their MRI; the core knows them by Entra object id, which is the
 * org-user MRI after "8:orgid:". Ids that are already MRIs (they hold a colon) are kept.
 */
export const mriOf = (userId: string): string => (userId.includes(":") ? userId : `8:orgid:${userId}`);

/** The card with its refresh's people as MRIs (cards without a refresh unchanged). */
export function withTeamsRefresh(card: AdaptiveCard): AdaptiveCard {
  const userIds = card.refresh?.userIds;
  if (!card.refresh || !Array.isArray(userIds)) return card;
  return { ...card, refresh: { ...card.refresh, userIds: userIds.map((id) => mriOf(String(id))) } };
}
