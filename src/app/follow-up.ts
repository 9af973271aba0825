import { localDateOf } from "../domain/calendar.ts";
import type { Completeness } from "../domain/completeness.ts";
import { isValidIsoDate } from "../domain/dates.ts";
import type { Discussion, Entry } from "../domain/entities.ts";
import type { Language } from "../domain/types.ts";
import { formatDate, t } from "../i18n/index.ts";
import { planEntry } from "../scheduler/plan.ts";
import { readsWorkplace, requireReader } from "./access.ts";
import type { ViewEntry } from "./chat-port.ts";
import { AMO_ROLES, type Ctx, type Deps, inTransaction, read } from "./context.ts";
import { invalidInput } from "./date-problems.ts";
import { reviveEntry } from "./entries.ts";
import { AppError } from "./errors.ts";
import type { Repos } from "./ports.ts";
import { completenessOf } from "./summary.ts";
import { syncDiscussion } from "./sync.ts";
import { viewEntry } from "./views.ts";
import { currentYear, discussionInFocus } from "./walkthrough.ts";

export interface OpenItem extends ViewEntry {
  year: number;
  point: number;
  ownerId: string | null;
  /** The owner's name as the form recorded it. */
  ownerName: string | null;
  deadline: string | null;
  /** Open past its deadline. */
  overdue: boolean;
}

/** Every open decision and goal of the workspace, soonest deadline first. */
export async function listOpen(deps: Deps, ctx: Ctx): Promise<OpenItem[]> {
  const open = await read(deps, async (r) => {
    await requireReader(r, ctx, "workplace");
    return r.entries.open(ctx.workspace.id);
  });
  const today = localDateOf(deps.now(), ctx.workspace.timeZone);
  return open.map((e) => ({
    ...viewEntry(e, ctx.workspace),
    year: e.year,
    point: e.point,
    ownerId: e.ownerId,
    ownerName: (e.data as { owner?: { name?: string } }).owner?.name ?? null,
    deadline: e.deadline,
    overdue: e.deadline !== null && e.deadline < today,
  }));
}

/** A decision or goal of one discussion as it stands now (the referat keeps how it stood when written). */
export interface FollowUpItem {
  id: string;
  kind: "decision" | "goal";
  text: string;
  ownerName: string | null;
  deadline: string | null;
  status: "open" | "done";
}

/** A discussion's decisions, then its goals, as they stand now: done, postponed or still open. */
export async function discussionFollowUp(
  deps: Deps,
  ctx: Ctx,
  discussionId: string,
): Promise<FollowUpItem[]> {
  const entries = await read(deps, async (r) => {
    await requireReader(r, ctx, (await r.discussions.get(ctx.workspace.id, discussionId)) ?? "workplace");
    return r.entries.forDiscussion(ctx.workspace.id, discussionId);
  });
  const item = (e: Entry): FollowUpItem => {
    const data = e.data as { text?: string; owner?: { name?: string } | null };
    return {
      id: e.id,
      kind: e.kind as FollowUpItem["kind"],
      text: data.text ?? "",
      ownerName: data.owner?.name ?? null,
      deadline: e.deadline,
      status: e.status ?? "open",
    };
  };
  const of = (kind: FollowUpItem["kind"]) => entries.filter((e) => e.kind === kind).map(item);
  return [...of("decision"), ...of("goal")];
}

/** One open item as the follow-up lists it: what, then who answers for it, by when, and how it stands. */
export function openItemText(language: Language, timeZone: string, item: OpenItem): string {
  const none = t(language, "followup.none");
  const facts = [
    `${t(language, "followup.owner")}: ${item.ownerName ?? none}`,
    `${t(language, "followup.deadline")}: ${item.deadline ? formatDate(language, item.deadline, timeZone) : none}`,
    `${t(language, "followup.status")}: ${t(language, item.overdue ? "followup.overdue" : "followup.open")}`,
  ];
  return `${item.year} · ${item.described.label}: ${item.described.text}\n${facts.join(" · ")}`;
}

/** Marks a decision or goal done (or open again): its owner, its author or the working-environment organisation. */
export async function setEntryStatus(
  deps: Deps,
  ctx: Ctx,
  input: { entryId: string; status: "open" | "done" },
  key: string | null,
): Promise<Entry> {
  const { value } = await inTransaction(deps, ctx, key, async (r) => {
    await requireFollowUpRight(r, ctx, await r.entries.get(ctx.workspace.id, input.entryId));
    const entry = await r.entries.setStatus(ctx.workspace.id, input.entryId, input.status, deps.now());
    if (!entry) throw new AppError("not_found", "error.not_found");
    await planEntry(r, ctx.workspace, entry, deps.now());
    await r.audit.write(ctx.workspace.id, ctx.actor.userId, `entry.${input.status}`, entry.id);
    return entry;
  });
  const entry = reviveEntry(value);
  await syncDiscussion(deps, ctx.workspace, entry.discussionId, [entry.point]);
  return entry;
}

/** Who may close, reopen or postpone a decision or goal: its owner, its author, or the working-environment organisation. */
async function requireFollowUpRight(r: Repos, ctx: Ctx, entry: Entry | null): Promise<void> {
  if (!entry) throw new AppError("not_found", "error.not_found");
  const actor = ctx.actor.userId;
  if (entry.ownerId === actor || entry.authorId === actor) return;
  const role = await r.members.roleOf(ctx.workspace.id, actor);
  if (role && AMO_ROLES.includes(role)) return;
  throw new AppError("forbidden", "error.follow_up_not_yours");
}

/** The checks a new deadline gets before the database is asked: what a form can be told at once. */
export function precheckPostpone(deps: Deps, ctx: Ctx, input: { deadline: string }): void {
  if (!isValidIsoDate(input.deadline)) throw invalidInput(deps, ctx, { deadline: { code: "invalid_date" } });
  if (input.deadline < localDateOf(deps.now(), ctx.workspace.timeZone))
    throw invalidInput(deps, ctx, { deadline: { code: "date_in_past" } });
}

/** Moves an open decision's or goal's deadline. */
export async function postpone(
  deps: Deps,
  ctx: Ctx,
  input: { entryId: string; deadline: string },
  key: string | null,
): Promise<Entry> {
  precheckPostpone(deps, ctx, input);
  const { value } = await inTransaction(deps, ctx, key, async (r) => {
    const existing = await r.entries.get(ctx.workspace.id, input.entryId);
    if (!existing || existing.status === null) throw new AppError("not_found", "error.not_found");
    await requireFollowUpRight(r, ctx, existing);
    const data = { ...existing.data, deadline: input.deadline };
    await r.entries.update(ctx.workspace.id, existing.id, {
      data,
      ownerId: existing.ownerId,
      deadline: input.deadline,
    });
    const entry = await r.entries.setStatus(ctx.workspace.id, existing.id, "open", deps.now());
    if (entry) await planEntry(r, ctx.workspace, entry, deps.now());
    await r.audit.write(ctx.workspace.id, ctx.actor.userId, "entry.postponed", existing.id, {
      from: existing.deadline,
      to: input.deadline,
    });
    return entry as Entry;
  });
  return reviveEntry(value);
}

export interface StatusReport {
  year: number;
  discussion: Discussion | null;
  completeness: Completeness | null;
  openItems: number;
}

/** Where this year's discussion stands. */
export async function status(deps: Deps, ctx: Ctx, year?: number): Promise<StatusReport> {
  const r = deps.store.repos;
  return read(deps, async () => {
    const discussion =
      year === undefined
        ? await discussionInFocus(r, ctx.workspace.id, currentYear(deps, ctx))
        : await r.discussions.forYear(ctx.workspace.id, year);
    await requireReader(r, ctx, discussion ?? "workplace");
    const y = discussion?.year ?? year ?? currentYear(deps, ctx);
    const completeness =
      discussion && ctx.workspace.headcount ? await completenessOf(r, ctx.workspace, discussion) : null;
    // An earlier year's channel counts that year's open items only, as it reads that year's record only.
    const all = await r.entries.open(ctx.workspace.id);
    const open = (await readsWorkplace(r, ctx)) ? all : all.filter((e) => e.discussionId === discussion?.id);
    return { year: y, discussion, completeness, openItems: open.length };
  });
}
