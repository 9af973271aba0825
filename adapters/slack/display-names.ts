import type { WebClient } from "@slack/web-api";

/** How long a name from users.info is used before Slack is asked again (people rename themselves rarely). */
const KEEP_MS = 10 * 60_000;
/** More names than this and the expired ones are let go. */
const MAX_NAMES = 5_000;

interface Person {
  name: string;
  /** The person's Slack locale ("da-DK", "en-US"), asked with include_locale. */
  locale: string | null;
}

/**
 * People's display names (and locales) from users.info, kept a while on the core's clock: one object per adapter.
 * Requests that come while a person's first lookup is under way share it; a failed lookup answers with the id and is
 * not kept.
 */
export function displayNames(now: () => Date, keepMs = KEEP_MS) {
  const names = new Map<string, { person: Promise<Person>; until: number }>();
  const forgetExpired = (at: number) => {
    for (const [key, entry] of names) if (at >= entry.until) names.delete(key);
    if (names.size >= MAX_NAMES) names.clear();
  };
  const lookUp = (client: WebClient, teamId: string, userId: string): Promise<Person | null> => {
    const key = `${teamId}:${userId}`;
    const at = now().getTime();
    const kept = names.get(key);
    if (kept && at < kept.until) return kept.person.catch(() => null);
    if (names.size >= MAX_NAMES) forgetExpired(at);
    const person = client.users.info({ user: userId, include_locale: true }).then((info) => ({
      name: info.user?.profile?.real_name || info.user?.real_name || info.user?.name || userId,
      locale: info.user?.locale ?? null,
    }));
    const entry = { person, until: at + keepMs };
    names.set(key, entry);
    return person.catch(() => {
      if (names.get(key) === entry) names.delete(key);
      return null;
    });
  };
  return {
    /** The name of `userId` in `teamId`, or the id itself when Slack cannot say. */
    of: async (client: WebClient, teamId: string, userId: string): Promise<string> =>
      (await lookUp(client, teamId, userId))?.name ?? userId,
    /** The person's locale, or null when Slack cannot say; the same users.info call as the name's. */
    localeOf: async (client: WebClient, teamId: string, userId: string): Promise<string | null> =>
      (await lookUp(client, teamId, userId))?.locale ?? null,
  };
}
export type DisplayNames = ReturnType<typeof displayNames>;
