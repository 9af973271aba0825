import type { Discussion, Entry } from "../domain/entities.ts";
import { type EntryData, type EntryKind, validateEntry } from "../domain/entries.ts";
import { t } from "../i18n/index.ts";
import { planApv, planEntry } from "../scheduler/plan.ts";
import { announceAmendment, type Revision } from "./amendment.ts";
import { reviseAfterChange } from "./approval.ts";
import { afterApvChange, followUpApvActions } from "./apv-actions.ts";
import type { PointView } from "./chat-port.ts";
import { commandOf } from "./command-name.ts";
import { type Ctx, type Deps, inTransaction, languageOf, read } from "./context.ts";
import { checkKind, refusal, refuseForSize, refusePastDeadline } from "./entry-checks.ts";
import { AppError } from "./errors.ts";
import type { Repos } from "./ports.ts";
import { announceRoleChanges } from "./role-changes.ts";
import { changeRoster, joinRoster, leaveRoster, type RosterOutcome } from "./roster.ts";
import { checkSensitive } from "./sensitive-check.ts";
import { publishSummary } from "./summary.ts";
import { syncShowing } from "./sync.ts";
import { carriedGoals, currentPointView } from "./views.ts";

/** Kinds a point holds once: a new answer replaces the earlier one. */
const SINGLE_KINDS: readonly EntryKind[] = [
  "minute_taker",
  "apv_status",
  "accident_overview",
  "cooperation_plan",
  "competences",
];

export interface RecordInput {
  discussionId: string;
  point: number;
  kind: string;
  data: unknown;
  /** form, thread or pre_input */
  source?: string;
  /** A confirmed addition to a concluded discussion ("Tilføj til referatet"): the only way to change its record. */
  amend?: boolean;
  /** Its writer was warned that the text names a person together with a health word, and saves it anyway. */
  healthConfirmed?: boolean;
}

export interface EntryResult {
  entry: Entry;
  /** Whether the channel shows the change; null when the caller chose not to wait for that any longer. */
  synced: boolean | null;
  /**
   * When the answer did not wait for the channel: the refresh that shows the change, true once it has, false if it
   * could not (never rejects). An answer already sent can still tell the user then.
   */
  shown?: Promise<boolean>;
  /** The point as it is with the change in it, when asked for (ChangeOptions.withView). */
  view?: PointView;
  /** After an edit, who owned the entry before it: a new owner takes it off their own page. */
  previousOwnerId?: string | null;
  /** A sentence for its writer beside "saved", in their language: what the entry did not do that they may expect. */
  notice?: string;
}

export interface ChangeOptions {
  /**
   * Answer after this long even if the refresh is still running (it goes on, `shown` tells how it ended, and the next
   * refresh makes up for one that fails). For answers that show the change themselves, such as a Teams card.
   */
  waitForChannelMs?: number;
  /** Read the point after the change, for an answer that shows it (a Teams card): EntryResult.view. */
  withView?: boolean;
}

export { precheck, precheckEdit } from "./entry-checks.ts";

/** Records a note, decision, goal or a point's structured answer. */
export async function record(
  deps: Deps,
  ctx: Ctx,
  input: RecordInput,
  key: string | null,
  options: ChangeOptions = {},
): Promise<EntryResult> {
  const kind = checkKind(input.kind, input.point);
  const valid = validateEntry(kind, input.data);
  if (!valid.ok) throw refusal(deps, ctx, valid.problems, input.data, null);
  const data = valid.value;
  refusePastDeadline(deps, ctx, data, null);
  // Only a concluded discussion has a summary to revise; a repeated request (no transaction run) checks.
  let summaryMayChange = true;
  let roster: RosterOutcome = { changes: [], leftAlone: false };
  const { value, replayed } = await inTransaction(deps, ctx, key, async (r) => {
    const discussion = await editableDiscussion(r, ctx, input.discussionId, {
      preInput: input.source === "pre_input",
      amend: input.amend === true,
    });
    summaryMayChange = discussion.status === "concluded" || discussion.status === "approved";
    refuseForSize(deps, ctx, kind, data, discussion);
    await checkSensitive(r, ctx, discussion, { kind, data, healthConfirmed: input.healthConfirmed });
    if (kind === "goal_verdict")
      await checkCarriedGoal(r, ctx, discussion, data as EntryData["goal_verdict"]);
    const actionable = kind === "decision" || kind === "goal";
    const owned = data as { owner?: { id?: string }; deadline?: string };
    const entry = await r.entries.insert(ctx.workspace.id, {
      discussionId: discussion.id,
      point: input.point,
      kind,
      data,
      authorId: ctx.actor.userId,
      ownerId: actionable ? (owned.owner?.id ?? null) : null,
      deadline: actionable ? (owned.deadline ?? null) : null,
      status: actionable ? "open" : null,
      source: input.source ?? "form",
    });
    if (SINGLE_KINDS.includes(kind))
      await r.entries.removeKind(ctx.workspace.id, discussion.id, kind, entry.id);
    await planFor(r, ctx, entry, deps.now());
    if (kind === "amo_member")
      roster = await joinRoster(r, ctx, entry.id, data as EntryData["amo_member"], deps.now());
    if (kind === "apv_status")
      await followUpApvActions(r, ctx, discussion, data as EntryData["apv_status"], deps.now());
    await r.audit.write(ctx.workspace.id, ctx.actor.userId, "entry.recorded", entry.id, {
      kind,
      point: input.point,
    });
    const revision = await reviseAfterChange(r, ctx, discussion, commandOf(deps, ctx.workspace), kind);
    return { entry, revision, discussion, rosterLeftAlone: roster.leftAlone };
  });
  if (!replayed) {
    await announceRoleChanges(deps, ctx, ctx.workspace, roster.changes);
    await announce(deps, ctx, value);
  }
  // An entry changes no row of a discussion that is not concluded: the refresh draws from the one read above, unless
  // role changes were told first (the discussion may have moved on meanwhile).
  const unchanged = summaryMayChange || roster.changes.length > 0 ? null : value.discussion;
  return { ...(await afterChange(deps, ctx, entryOf(value), unchanged, options)), ...noticeOf(ctx, value) };
}

/** Whether an edited point 2 entry changes what the roster holds: the person, their role or the date they joined. */
function rosterFactsChanged(before: unknown, after: unknown): boolean {
  const facts = (d: unknown) => {
    const v = d as EntryData["amo_member"];
    return [v.person.id ?? null, v.role, v.joinedOn ?? null];
  };
  return facts(before).some((fact, i) => fact !== facts(after)[i]);
}

/** What a change's transaction gives: the entry, and the new summary version when the discussion was concluded. */
interface Changed {
  entry: Entry;
  revision: Revision | null;
  discussion: Discussion;
  /** Why a point 2 entry left the roster as it was (its writer, or a person by name only); true from before. */
  rosterLeftAlone?: RosterOutcome["leftAlone"] | true;
}

/** What the writer is told beside "saved": kept with the result, so a repeated request is told the same. */
function noticeOf(ctx: Ctx, value: Changed | Entry): Pick<EntryResult, "notice"> {
  const why = "rosterLeftAlone" in value ? value.rosterLeftAlone : false;
  if (!why) return {};
  return { notice: t(languageOf(ctx), why === "name_only" ? "roles.name_only" : "roles.record_only") };
}

/** The entry a change's result holds; a result stored (and replayed) from before it held more is the entry itself. */
function entryOf(value: Changed | Entry): Entry {
  return reviveEntry("entry" in value ? value.entry : value);
}

/** A change to a concluded record is told in the channel, once (a replayed request tells no one again). */
async function announce(deps: Deps, ctx: Ctx, changed: Changed): Promise<void> {
  if (changed.revision)
    await announceAmendment(deps, ctx, changed.discussion, changed.entry.point, changed.revision);
}

/**
 * Brings the channel up to date after a change (the point's message, and the summary if one was revised), and reads
 * the point for the answer when asked to.
 */
async function afterChange(
  deps: Deps,
  ctx: Ctx,
  entry: Entry,
  unchanged: Discussion | null = null,
  options: ChangeOptions = {},
): Promise<EntryResult> {
  const result = await showChange(deps, ctx, entry, unchanged, options);
  if (!options.withView || result.view) return result;
  // The change is stored: a view that cannot be read leaves the answer to the caller's own read.
  const view = await read(deps, (r) =>
    currentPointView(r, ctx.workspace, entry.discussionId, entry.point),
  ).catch(() => null);
  return view ? { ...result, view } : result;
}

/**
 * The channel's refresh after a change. `unchanged` is the discussion as the change read it, when the change left it
 * as it was and it has no summary to revise; null: it is read again, and a revised summary is published.
 */
async function showChange(
  deps: Deps,
  ctx: Ctx,
  entry: Entry,
  unchanged: Discussion | null,
  options: ChangeOptions,
): Promise<EntryResult> {
  const sync = syncShowing(deps, ctx.workspace, unchanged ?? entry.discussionId, [entry.point]);
  if (unchanged && options.waitForChannelMs !== undefined) {
    const done = sync.catch((error) => {
      deps.log.warn("could not sync a discussion", { error: String(error) });
      return null;
    });
    const shown = done.then((s) => s?.ok ?? false);
    const settled = await settledWithin(done, options.waitForChannelMs);
    if (settled === undefined) return { entry, synced: null, shown };
    const view = settled?.points.get(entry.point);
    return { entry, synced: settled?.ok ?? false, ...(view ? { view } : {}) };
  }
  const synced = (await sync).ok;
  if (unchanged) return { entry, synced };
  await publishSummary(deps, ctx.workspace, entry.discussionId).catch((error) => {
    deps.log.warn("could not publish the revised summary", { error: String(error) });
  });
  return { entry, synced };
}

/** What `promise` gave, or undefined when it took longer than `ms`. */
async function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const later = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([promise, later]).finally(() => clearTimeout(timer));
}

/**
 * Changes an entry's content; only its author or the discussion's organiser may. A point 2 entry changed by the
 * employer's side updates the roster as a new one does.
 */
export async function editEntry(
  deps: Deps,
  ctx: Ctx,
  input: { entryId: string; data: unknown; amend?: boolean; healthConfirmed?: boolean },
  key: string | null,
): Promise<EntryResult> {
  let roster: RosterOutcome = { changes: [], leftAlone: false };
  const { value, replayed } = await inTransaction(deps, ctx, key, async (r) => {
    const { entry: existing, discussion } = await ownEntry(r, ctx, input.entryId, input.amend === true);
    const valid = validateEntry(existing.kind, input.data);
    if (!valid.ok) throw refusal(deps, ctx, valid.problems, input.data, existing.deadline);
    refusePastDeadline(deps, ctx, valid.value, existing.deadline);
    refuseForSize(deps, ctx, existing.kind, valid.value, discussion);
    await checkSensitive(r, ctx, discussion, {
      kind: existing.kind,
      data: valid.value,
      healthConfirmed: input.healthConfirmed,
    });
    const actionable = existing.status !== null;
    const owned = valid.value as { owner?: { id?: string }; deadline?: string };
    const entry = await r.entries.update(ctx.workspace.id, existing.id, {
      data: valid.value,
      ownerId: actionable ? (owned.owner?.id ?? null) : null,
      deadline: actionable ? (owned.deadline ?? null) : null,
    });
    if (!entry) throw new AppError("not_found", "error.not_found");
    await planFor(r, ctx, entry, deps.now());
    if (existing.kind === "amo_member" && rosterFactsChanged(existing.data, valid.value))
      roster = await changeRoster(r, ctx, existing, valid.value as EntryData["amo_member"], deps.now());
    if (existing.kind === "apv_status")
      await afterApvChange(r, ctx, discussion, valid.value as EntryData["apv_status"], deps.now());
    if (existing.kind === "goal_verdict")
      await checkCarriedGoal(r, ctx, discussion, valid.value as EntryData["goal_verdict"]);
    await r.audit.write(ctx.workspace.id, ctx.actor.userId, "entry.edited", entry.id);
    const revision = await reviseAfterChange(
      r,
      ctx,
      discussion,
      commandOf(deps, ctx.workspace),
      existing.kind,
    );
    return {
      entry,
      revision,
      discussion,
      previousOwnerId: existing.ownerId,
      rosterLeftAlone: roster.leftAlone,
    };
  });
  if (!replayed) {
    await announceRoleChanges(deps, ctx, ctx.workspace, roster.changes);
    await announce(deps, ctx, value);
  }
  const previousOwnerId = "previousOwnerId" in value ? value.previousOwnerId : null;
  return { ...(await afterChange(deps, ctx, entryOf(value))), previousOwnerId, ...noticeOf(ctx, value) };
}

export async function removeEntry(
  deps: Deps,
  ctx: Ctx,
  input: { entryId: string; amend?: boolean },
  key: string | null,
): Promise<EntryResult> {
  let roster: RosterOutcome = { changes: [], leftAlone: false };
  const { value, replayed } = await inTransaction(deps, ctx, key, async (r) => {
    const { entry: existing, discussion } = await ownEntry(r, ctx, input.entryId, input.amend === true);
    await r.entries.remove(ctx.workspace.id, existing.id);
    roster = await leaveRoster(r, ctx, existing, deps.now());
    await r.reminders.cancel(ctx.workspace.id, existing.id, "entry.");
    if (existing.kind === "apv_status") await afterApvChange(r, ctx, discussion, null, deps.now());
    await r.audit.write(ctx.workspace.id, ctx.actor.userId, "entry.removed", existing.id, {
      kind: existing.kind,
    });
    const revision = await reviseAfterChange(
      r,
      ctx,
      discussion,
      commandOf(deps, ctx.workspace),
      existing.kind,
    );
    return { entry: existing, revision, discussion };
  });
  if (!replayed) {
    await announceRoleChanges(deps, ctx, ctx.workspace, roster.changes);
    await announce(deps, ctx, value);
  }
  return afterChange(deps, ctx, entryOf(value));
}

/** Deadlines of decisions and goals, and the APV date at point 4, drive reminders. */
async function planFor(r: Repos, ctx: Ctx, entry: Entry, now: Date): Promise<void> {
  if (entry.status !== null) await planEntry(r, ctx.workspace, entry, now);
  const apvDate =
    entry.kind === "apv_status" ? (entry.data as EntryData["apv_status"]).lastApvDate : undefined;
  if (apvDate) await planApv(r, ctx.workspace, apvDate, now);
}

async function editableDiscussion(
  r: Repos,
  ctx: Ctx,
  discussionId: string,
  how: { preInput: boolean; amend: boolean },
): Promise<Discussion> {
  const discussion = await r.discussions.get(ctx.workspace.id, discussionId, true);
  if (!discussion) throw new AppError("not_found", "error.not_found");
  if (discussion.status === "planned" && !how.preInput) throw new AppError("refused", "refusal.not_running");
  // A concluded record changes only by a confirmed amendment, which writes the summary's next version.
  const concluded = discussion.status === "concluded" || discussion.status === "approved";
  if (concluded && !how.amend) throw new AppError("refused", "refusal.concluded_use_amend");
  // An amendment writes a new version of the record and undoes its approval: only people on the roster may.
  if (concluded && !(await r.members.roleOf(ctx.workspace.id, ctx.actor.userId)))
    throw new AppError("forbidden", "error.amend_roster_only");
  return discussion;
}

async function ownEntry(
  r: Repos,
  ctx: Ctx,
  entryId: string,
  amend: boolean,
): Promise<{ entry: Entry; discussion: Discussion }> {
  const found = await r.entries.get(ctx.workspace.id, entryId);
  if (!found) throw new AppError("not_found", "error.not_found");
  const discussion = await editableDiscussion(r, ctx, found.discussionId, { preInput: true, amend });
  // Read again under the discussion's lock: two changes to one entry then each start from what the other left.
  const entry = await r.entries.get(ctx.workspace.id, entryId);
  if (!entry) throw new AppError("not_found", "error.not_found");
  if (!mayChange(ctx, entry, discussion)) throw new AppError("forbidden", "error.not_author");
  return { entry, discussion };
}

/** An entry is changed or removed by the one who wrote it, or by the one who organises its meeting. */
export function mayChange(ctx: Ctx, entry: Entry, discussion: Discussion): boolean {
  return entry.authorId === ctx.actor.userId || discussion.organiserId === ctx.actor.userId;
}

async function checkCarriedGoal(
  r: Repos,
  ctx: Ctx,
  discussion: Discussion,
  verdict: EntryData["goal_verdict"],
) {
  if (!verdict.goalId) return;
  const goals = await carriedGoals(r, ctx.workspace, discussion);
  if (!goals.some((g) => g.id === verdict.goalId)) throw new AppError("not_found", "error.not_found");
}

/** Results replayed from the idempotency table come back as JSON: restore the dates. */
export function reviveEntry(e: Entry): Entry {
  return {
    ...e,
    createdAt: new Date(e.createdAt),
    completedAt: e.completedAt ? new Date(e.completedAt) : null,
  };
}
