import type { Workspace } from "../domain/entities.ts";
import { languageOfLocale } from "../domain/locale.ts";
import type { Language } from "../domain/types.ts";
import type { Actor, Deps } from "./context.ts";

/** How long a locale looked up from the platform is trusted before it is asked again. */
const RECHECK_MS = 24 * 3_600_000;

/**
 * The actor's own language: the request's locale (remembered when it changed), or the one remembered, asked of the
 * platform again when it is missing or a day old. A failure here answers in the workspace's language rather than
 * failing the request: the language is never worth an error.
 */
export async function actorLanguage(
  deps: Deps,
  workspace: Workspace,
  actor: Actor,
): Promise<Language | undefined> {
  try {
    const people = deps.store.repos.people;
    const kept = await people.language(workspace.id, actor.userId);
    if (actor.locale !== undefined) {
      const language = languageOfLocale(actor.locale);
      if (!kept || kept.language !== language)
        await people.rememberLanguage(workspace.id, actor.userId, language, deps.now());
      return language ?? undefined;
    }
    const stale = !kept || deps.now().getTime() - kept.checkedAt.getTime() >= RECHECK_MS;
    if (stale && actor.lookUpLocale) {
      const locale = await actor.lookUpLocale();
      if (locale !== null) {
        const language = languageOfLocale(locale);
        await people.rememberLanguage(workspace.id, actor.userId, language, deps.now());
        return language ?? undefined;
      }
    }
    return kept?.language ?? undefined;
  } catch (error) {
    deps.log.warn("could not read a person's language; the workspace's is used", { error: String(error) });
    return undefined;
  }
}

/** The language a message to one person is written in when no request is in hand (a scheduled direct message). */
export async function rememberedLanguage(
  people: Deps["store"]["repos"]["people"],
  workspace: Workspace,
  userId: string,
): Promise<Language> {
  return (await people.language(workspace.id, userId))?.language ?? workspace.language;
}
