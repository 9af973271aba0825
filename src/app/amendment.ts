import { agendaPoint } from "../domain/agenda.ts";
import type { Discussion } from "../domain/entities.ts";
import { participationFor } from "../domain/participation.ts";
import type { Role } from "../domain/types.ts";
import { t } from "../i18n/index.ts";
import { type Ctx, type Deps, displayName } from "./context.ts";
import type { Repos } from "./ports.ts";

/** A new version of a concluded discussion's summary, and the people asked to approve it again. */
export interface Revision {
  version: number;
  /** By name: who approved the version before, or (none had yet) everyone who can approve. */
  approvers: string[];
}

const APPROVERS: readonly Role[] = ["employer", "employer_representative", "amo_representative"];

/** Who is asked to approve the new version: those who approved the one before, else all who may approve. */
export async function approversToAsk(
  r: Repos,
  ctx: Ctx,
  discussion: Discussion,
  before: number | null,
): Promise<string[]> {
  const earlier = before ? await r.summaries.approvals(ctx.workspace.id, discussion.id, before) : [];
  if (earlier.length > 0) return [...new Set(earlier.map((a) => a.name))];
  const { hasAmo } = participationFor(ctx.workspace.headcount ?? 1);
  const roles: readonly Role[] = hasAmo ? APPROVERS : [...APPROVERS, "other"];
  const members = await r.members.list(ctx.workspace.id);
  return members.filter((m) => roles.includes(m.role)).map((m) => m.name || m.userId);
}

/**
 * Tells the channel that something was added to the concluded record: who added it at which point, which version it
 * is now, and who is asked, by name, to approve it again. A failed post is logged; the change is stored either way.
 */
export async function announceAmendment(
  deps: Deps,
  ctx: Ctx,
  discussion: Discussion,
  point: number,
  revision: Revision,
): Promise<void> {
  if (!discussion.channelId) return;
  const l = ctx.workspace.language;
  const and = l === "da" ? " og " : " and ";
  const names = revision.approvers;
  const list = names.length > 1 ? `${names.slice(0, -1).join(", ")}${and}${names.at(-1)}` : (names[0] ?? "");
  const text = t(l, names.length ? "amend.announced" : "amend.announced_nobody", {
    actor: await displayName(ctx.actor),
    point,
    title: agendaPoint(point).title[l],
    version: revision.version,
    names: list,
  });
  await deps
    .chatFor(ctx.workspace)
    .post(discussion.channelId, { kind: "text", view: { language: l, text } })
    .catch((error) => deps.log.warn("could not tell the channel of an amendment", { error: String(error) }));
}
