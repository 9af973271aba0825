import { agendaPoint } from "../domain/agenda.ts";
import type { Discussion } from "../domain/entities.ts";
import type { Language, Role } from "../domain/types.ts";
import { t } from "../i18n/index.ts";
import { approverRoles } from "./card-rights.ts";
import type { Mention } from "./chat-port.ts";
import { type Ctx, type Deps, displayName } from "./context.ts";
import type { Repos } from "./ports.ts";
import { headcountOf } from "./record-size.ts";

/** Someone asked to approve: their platform id (to mention them) and their name. */
export interface Approver {
  userId: string;
  name: string;
}

/** A new version of a concluded discussion's summary, and the people asked to approve it again. */
export interface Revision {
  version: number;
  /** Who approved the version before, or (none had yet) everyone who can approve. */
  approvers: Approver[];
}

/** Who is asked to approve the new version: those who approved the one before, else all who may approve. */
export async function approversToAsk(
  r: Repos,
  ctx: Ctx,
  discussion: Discussion,
  before: number | null,
): Promise<Approver[]> {
  const earlier = before ? await r.summaries.approvals(ctx.workspace.id, discussion.id, before) : [];
  if (earlier.length > 0) {
    const once = new Map(earlier.map((a) => [a.userId, { userId: a.userId, name: a.name }]));
    return [...once.values()];
  }
  // The same roles that may approve (employees too where there is no AMO), by the record's size.
  const roles = approverRoles(headcountOf(ctx.workspace, discussion));
  const members = await r.members.list(ctx.workspace.id);
  return members
    .filter((m) => roles.includes(m.role))
    .map((m) => ({ userId: m.userId, name: m.name || m.userId }));
}

/** Where the list of names goes while the sentence around it is worded (no text holds this character). */
const NAMES = "\u0000";

/**
 * A sentence with people listed in it by name ("Mette Hansen og Ali Nielsen"), each kept as a mention: where their
 * name stands, so a platform that can mentions them (and they are notified).
 */
function namingSentence(language: Language, worded: string, people: readonly Approver[]) {
  const and = language === "da" ? " og " : " and ";
  const [before = "", after = ""] = worded.split(NAMES);
  let text = before;
  const mentions: Mention[] = [];
  people.forEach((p, i) => {
    if (i > 0) text += i === people.length - 1 ? and : ", ";
    mentions.push({ userId: p.userId, name: p.name, at: text.length });
    text += p.name;
  });
  return { text: text + after, mentions };
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
  const people = revision.approvers;
  const worded = t(l, people.length ? "amend.announced" : "amend.announced_nobody", {
    actor: await displayName(ctx.actor),
    point,
    title: agendaPoint(point).title[l],
    version: revision.version,
    names: NAMES,
  });
  const { text, mentions } = namingSentence(l, worded, people);
  await deps
    .chatFor(ctx.workspace)
    .post(discussion.channelId, { kind: "text", view: { language: l, text, mentions } })
    .catch((error) => deps.log.warn("could not tell the channel of an amendment", { error: String(error) }));
}
