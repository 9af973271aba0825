import type { WebClient } from "@slack/web-api";

/** How long a name from users.info is used before Slack is asked again (people rename themselves rarely). */
const KEEP_MS = 10 * 60_000;
/** More names than this and the expired ones are let go. */
const MAX_NAMES = 5_000;

/**
 * People's display names from users.info, kept a while on the core's clock: one object per adapter. Requests that
 * come while a person's first lookup is under way share it; a failed lookup answers with the id and is not kept.
 */
export function displayNames(now: () => Date, keepMs = KEEP_MS) {
  const names = new Map<string, { name: Promise<string>; until: number }>();
  const forgetExpired = (at: number) => {
    for (const [key, entry] of names) if (at >= entry.until) names.delete(key);
    if (names.size >= MAX_NAMES) names.clear();
  };
  return {
    /** The name of `userId` in `teamId`, or the id itself when Slack cannot say. */
    of(client: WebClient, teamId: string, userId: string): Promise<string> {
      const key = `${teamId}:${userId}`;
      const at = now().getTime();
      const kept = names.get(key);
      if (kept && at < kept.until) return kept.name.catch(() => userId);
      if (names.size >= MAX_NAMES) forgetExpired(at);
      const name = client.users
        .info({ user: userId })
        .then((info) => info.user?.profile?.real_name || info.user?.real_name || info.user?.name || userId);
      const entry = { name, until: at + keepMs };
      names.set(key, entry);
      return name.catch(() => {
        if (names.get(key) === entry) names.delete(key);
        return userId;
      });
    },
  };
}
export type DisplayNames = ReturnType<typeof displayNames>;
