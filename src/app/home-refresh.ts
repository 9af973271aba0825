import type { Entry, Workspace } from "../domain/entities.ts";
import type { Deps } from "./context.ts";
import { home } from "./home.ts";
import { rememberedLanguage } from "./person-language.ts";

/** Whose own page shows something else after a change: everyone on the roster, or the people named. */
export type HomeAudience = "everyone" | readonly (string | null | undefined)[];

/**
 * The owner of a decision or goal, the one whose page lists it, and `others` whose page listed it before a change.
 * Other entries are on nobody's page.
 */
export const ownerOf = (entry: Entry | undefined, ...others: (string | null | undefined)[]): HomeAudience =>
  entry && (entry.kind === "decision" || entry.kind === "goal") ? [entry.ownerId, ...others] : [];

/**
 * Redraws the own pages (Slack's App Home) of the people a change concerns, once it is stored. It never rejects and
 * nobody waits for it: a page that cannot be drawn now is drawn afresh when it is next opened.
 */
export async function refreshHomes(deps: Deps, workspace: Workspace, who: HomeAudience): Promise<void> {
  const warn = (error: unknown) =>
    deps.log.warn("could not redraw a person's own page", { error: String(error) });
  // A note or any entry on nobody's page (most changes in a meeting) costs nothing here.
  if (who !== "everyone" && !who.some(Boolean)) return;
  try {
    const chat = deps.chatFor(workspace);
    if (!chat.showHome) return;
    const r = deps.store.repos;
    const members = await r.members.list(workspace.id);
    const ids = who === "everyone" ? members.map((m) => m.userId) : who.filter((id): id is string => !!id);
    // One person's page that cannot be drawn (a deactivated account) leaves the others' to be drawn.
    for (const userId of new Set(ids)) {
      const name = members.find((m) => m.userId === userId)?.name ?? userId;
      await rememberedLanguage(r.people, workspace, userId)
        .then((language) => home(deps, { workspace, actor: { userId, name, language } }))
        .then((view) => chat.showHome?.(userId, view))
        .catch(warn);
    }
  } catch (error) {
    warn(error);
  }
}
