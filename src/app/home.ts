import type { Completeness } from "../domain/completeness.ts";
import type { Discussion } from "../domain/entities.ts";
import type { DiscussionStatus } from "../domain/types.ts";
import { formatDateTime, t } from "../i18n/index.ts";
import { requireReader } from "./access.ts";
import { type Ctx, type Deps, languageOf, read } from "./context.ts";
import { AppError } from "./errors.ts";
import { listOpen, type OpenItem, status } from "./follow-up.ts";
import { invitation } from "./invitation.ts";
import { currentYear } from "./walkthrough.ts";

/** One year's referat as a person's own page lists it. */
export interface HomeRecord {
  year: number;
  status: DiscussionStatus;
  version: number;
  sha256: string;
}

/**
 * A person's own page in the app (Slack's App Home): the next meeting, where this year's discussion stands, their own
 * open decisions and goals, and the referater of earlier years. `onRoster` false: they are not on the workplace's
 * roster, and see only that.
 */
export interface HomeView {
  language: "da" | "en";
  timeZone: string;
  onRoster: boolean;
  year: number;
  /** The planned (or running) meeting, when there is one. */
  next: Discussion | null;
  /** This year's discussion (or the one in focus: running, or planned ahead), when there is one. */
  current: Discussion | null;
  /** What the check finds missing in it, when the workplace's size is known. */
  completeness: Completeness | null;
  mine: OpenItem[];
  records: HomeRecord[];
}

/** What a person's own page shows now. Read privately: anyone on the roster may, others see that they are not. */
export async function home(deps: Deps, ctx: Ctx): Promise<HomeView> {
  const privately: Ctx = { ...ctx, place: { conversation: null, private: true } };
  const year = currentYear(deps, ctx);
  const base = { language: languageOf(ctx), timeZone: ctx.workspace.timeZone, year };
  const role = await read(deps, (r) => r.members.roleOf(ctx.workspace.id, ctx.actor.userId));
  const onRoster = Boolean(role);
  if (!onRoster)
    return { ...base, onRoster, next: null, current: null, completeness: null, mine: [], records: [] };
  const report = await status(deps, privately);
  const records = await read(deps, async (r) => {
    const found: HomeRecord[] = [];
    for (const d of await r.discussions.list(ctx.workspace.id)) {
      const latest = await r.summaries.latest(ctx.workspace.id, d.id);
      if (latest)
        found.push({ year: d.year, status: d.status, version: latest.version, sha256: latest.sha256 });
    }
    return found;
  });
  const mine = (await listOpen(deps, privately)).filter((item) => item.ownerId === ctx.actor.userId);
  const focus = report.discussion;
  const upcoming = focus && (focus.status === "planned" || focus.status === "running") ? focus : null;
  return {
    ...base,
    onRoster,
    next: upcoming?.scheduledAt ? upcoming : null,
    current: focus,
    completeness: report.completeness,
    mine,
    records,
  };
}

/** Sends the person the calendar invitation of the planned meeting, privately. */
export async function sendInvitation(deps: Deps, ctx: Ctx, input: { discussionId: string }): Promise<void> {
  const privately: Ctx = { ...ctx, place: { conversation: null, private: true } };
  const discussion = await read(deps, async (r) => {
    await requireReader(r, privately, "workplace");
    return r.discussions.get(ctx.workspace.id, input.discussionId);
  });
  if (!discussion?.scheduledAt) throw new AppError("not_found", "error.not_found");
  const chat = deps.chatFor(ctx.workspace);
  const language = languageOf(privately);
  const file = await invitation(ctx.workspace, discussion, language);
  const { timeZone } = ctx.workspace;
  const when = formatDateTime(language, discussion.scheduledAt, timeZone);
  const sent = await chat.sendDirect(ctx.actor.userId, {
    kind: "text",
    view: { language, text: t(language, "home.invitation", { when }) },
  });
  if (!sent) throw new AppError("temporary", "error.temporary");
  await chat.sendFile(sent.channel, file, sent);
}
