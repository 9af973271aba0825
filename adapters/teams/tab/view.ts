import {
  AppError,
  type Core,
  type Ctx,
  type FollowUpItem,
  type OpenItem,
  type SummaryView,
} from "../../../src/app/index.ts";
import { recordStatus } from "../../../src/domain/summary.ts";
import { type Outline, type Section, summaryOutline } from "../../../src/domain/summary-outline.ts";
import { approvalSection } from "../../../src/domain/summary-record.ts";
import type { Language } from "../../../src/domain/types.ts";
import { formatDate, formatDateTime } from "../../../src/i18n/index.ts";
import { t } from "../texts.ts";

/** One decision or goal as the tab lists it for follow-up. */
export interface FollowUpRow {
  id: string;
  year: number;
  kind: "decision" | "goal";
  kindText: string;
  text: string;
  owner: string | null;
  deadline: string | null;
  /** Owner, deadline and status in words, in the reader's language. */
  facts: { label: string; value: string }[];
  status: "open" | "done";
  overdue: boolean;
}

/** What the tab shows one person: the newest referat with its status and approvals, and the follow-up list. */
export interface TabView {
  language: Language;
  workspace: string;
  /** The referat's newest version, or null when there is none yet (`notice` says where things stand). */
  record: {
    year: number;
    status: string;
    approved: boolean;
    version: number;
    sha256: string;
    approvals: { name: string; role: string; at: string }[];
    /** Status and each side's approval, in the reader's language. */
    statusSection: Section;
    /** The referat as written, in the workplace's language (the record kept as documentation). */
    outline: Outline;
    /** Where the discussion is held, when the tab is in another channel. */
    heldElsewhere: string | null;
  } | null;
  notice: string | null;
  followUp: FollowUpRow[];
}

/**
 * The tab's view for a person, read privately: only someone on the workplace's roster may (the core refuses others).
 * `channel` is the tab's channel, when it is a channel tab.
 */
export async function tabView(core: Core, ctx: Ctx, channel: string | null): Promise<TabView> {
  const language = ctx.actor.language ?? ctx.workspace.language;
  await core.readAccess(ctx);
  const summary = await newestSummary(core, ctx);
  const open = await core.listOpen(ctx);
  const mine = summary ? await core.discussionFollowUp(ctx, summary.discussionId) : [];
  const base = { language, workspace: ctx.workspace.name };
  const followUp = followUpOf(summary, mine, open, language, ctx);
  const notice = await noticeOf(core, ctx, language);
  if (!summary) return { ...base, record: null, notice: notice ?? t(language, "tab.no_record"), followUp };
  // An earlier year's referat shown while this year's discussion is planned or held says so above it.
  return { ...base, record: recordOf(summary, language, ctx, channel), notice, followUp };
}

/**
 * This year's referat, or, while this year's discussion is planned or held and has none yet, the newest one written:
 * what people prepare the meeting from. Null when no referat was ever written.
 */
async function newestSummary(core: Core, ctx: Ctx): Promise<SummaryView | null> {
  const none = (error: unknown) => {
    if (error instanceof AppError && error.code === "no_discussion") return null;
    throw error;
  };
  const current = await core.getSummary(ctx).catch(none);
  if (current) return current;
  const written = (await core.home(ctx)).records.map((r) => r.year);
  return written.length > 0 ? core.getSummary(ctx, Math.max(...written)).catch(none) : null;
}

function recordOf(view: SummaryView, language: Language, ctx: Ctx, channel: string | null) {
  const doc = view.document;
  const state = {
    version: view.version,
    sha256: view.sha256,
    approvals: view.approvals,
    approved: view.approved,
    versions: view.versions ?? [],
  };
  const status = recordStatus(doc.status, view.approved);
  const discussionPlace = ctx.workspace.defaultChannel;
  const elsewhere = channel !== null && discussionPlace !== null && channel !== discussionPlace;
  return {
    year: doc.year,
    status,
    approved: view.approved,
    version: view.version,
    sha256: view.sha256,
    approvals: view.approvals.map((a) => ({
      name: a.name,
      role: t(language, `role.${a.role}`),
      at: a.at.toISOString(),
    })),
    statusSection: approvalSection({ ...doc, language }, state),
    outline: summaryOutline(doc),
    heldElsewhere: elsewhere ? doc.channelName || t(language, "tab.another_channel") : null,
  };
}

type Item = Pick<FollowUpRow, "id" | "year" | "kind" | "text" | "owner" | "deadline" | "status">;

/**
 * The referat's decisions and goals as they stand now (open, done or postponed since), then what is still open from
 * earlier years.
 */
function followUpOf(
  view: SummaryView | null,
  items: FollowUpItem[],
  open: OpenItem[],
  language: Language,
  ctx: Ctx,
): FollowUpRow[] {
  const mine: Item[] = items.map((item) => ({
    id: item.id,
    year: view?.document.year ?? 0,
    kind: item.kind,
    text: item.text,
    owner: item.ownerName,
    deadline: item.deadline,
    status: item.status,
  }));
  const shown = new Set(mine.map((item) => item.id));
  // An open item's description ends in its status, in the workplace's language: the tab shows the status apart.
  const suffix = ` (${t(ctx.workspace.language, "entry.open")})`;
  const earlier: Item[] = open
    .filter((item) => !shown.has(item.id) && (item.kind === "decision" || item.kind === "goal"))
    .map((item) => ({
      id: item.id,
      year: item.year,
      kind: item.kind as Item["kind"],
      text: item.described.text.endsWith(suffix)
        ? item.described.text.slice(0, -suffix.length)
        : item.described.text,
      owner: item.ownerName,
      deadline: item.deadline,
      status: "open",
    }));
  const overdue = new Map(open.map((item) => [item.id, item.overdue]));
  return [...mine, ...earlier].map((item) =>
    rowOf(item, item.status === "open" && (overdue.get(item.id) ?? false), language, ctx.workspace.timeZone),
  );
}

/** A follow-up item with its owner, deadline and status in words. */
function rowOf(item: Item, overdue: boolean, language: Language, zone: string): FollowUpRow {
  const none = t(language, "followup.none");
  const state =
    item.status === "done"
      ? t(language, "entry.done")
      : t(language, overdue ? "followup.overdue" : "followup.open");
  const deadline = item.deadline ? formatDate(language, item.deadline, zone) : none;
  return {
    ...item,
    kindText: t(language, `entry.${item.kind}`),
    facts: [
      { label: t(language, "followup.owner"), value: item.owner ?? none },
      { label: t(language, "followup.deadline"), value: deadline },
      { label: t(language, "followup.status"), value: state },
    ],
    overdue,
  };
}

/** What the tab says of this year's discussion while it is planned or held; null otherwise. */
async function noticeOf(core: Core, ctx: Ctx, language: Language): Promise<string | null> {
  const { discussion } = await core.status(ctx);
  if (discussion?.status === "running") return t(language, "tab.running");
  if (discussion?.status === "planned" && discussion.scheduledAt)
    return t(language, "tab.planned", {
      when: formatDateTime(language, discussion.scheduledAt, ctx.workspace.timeZone),
    });
  return null;
}
