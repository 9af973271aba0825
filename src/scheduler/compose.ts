import { DateTime } from "luxon";
import type { MessageRef, OutboundMessage, TextAction } from "../app/chat-port.ts";
import { addToDate } from "../domain/calendar.ts";
import { describeEntry } from "../domain/describe-entry.ts";
import { formatDate, formatDateTime, type MessageKey, type Params, t } from "../i18n/index.ts";
import type { Reminder, Repos, Workspace } from "../store/index.ts";
import type { ReminderKind } from "./plan.ts";

/** Where a reminder goes and what it says; null when there is nothing to say any more (the subject is gone or done). */
export interface Delivery {
  channel: string | null;
  /** Post as a reply in this thread instead of in the channel. */
  thread: MessageRef | null;
  /** Also send to this user directly. */
  directTo: string | null;
  message: OutboundMessage;
}

const QUARTERLY_LIST = 10;

export async function composeReminder(
  r: Repos,
  workspace: Workspace,
  reminder: Reminder,
  now: Date,
): Promise<Delivery | null> {
  const lang = workspace.language;
  const zone = workspace.timeZone;
  const text = (key: MessageKey, params?: Params, actions?: TextAction[]): OutboundMessage => ({
    kind: "text",
    view: { language: lang, text: t(lang, key, params), ...(actions ? { actions } : {}) },
  });
  const kind = reminder.kind as ReminderKind;

  if (kind.startsWith("meeting.")) {
    const d = reminder.subjectId ? await r.discussions.get(workspace.id, reminder.subjectId) : null;
    if (d?.status !== "planned" || !d.scheduledAt) return null;
    const channel = d.channelId ?? workspace.defaultChannel;
    const when = formatDateTime(lang, d.scheduledAt, zone);
    const where = d.location ? t(lang, "reminder.where", { where: d.location }) : "";
    const message =
      kind === "meeting.prepare"
        ? text("reminder.prepare", { when }, [{ type: "pre_input", discussionId: d.id }])
        : kind === "meeting.day_before"
          ? text("reminder.day_before", { when, where })
          : text("reminder.start", {}, [{ type: "start", discussionId: d.id }]);
    return { channel, thread: null, directTo: null, message };
  }

  if (kind.startsWith("entry.")) {
    const entry = reminder.subjectId ? await r.entries.get(workspace.id, reminder.subjectId) : null;
    if (entry?.status !== "open" || !entry.deadline) return null;
    const d = await r.discussions.get(workspace.id, entry.discussionId);
    const item = (await r.discussions.agenda(workspace.id, entry.discussionId)).find(
      (i) => i.number === entry.point,
    );
    const described = describeEntry(entry, lang, zone);
    const owner = (entry.data as { owner?: { name: string } }).owner?.name ?? t(lang, "reminder.no_owner");
    const params = {
      text: `${described.label}: ${described.text.replace(/ \([^)]*\)$/, "")}`,
      owner,
      deadline: formatDate(lang, entry.deadline, zone),
    };
    const actions: TextAction[] = [
      { type: "entry_done", entryId: entry.id },
      { type: "entry_postpone", entryId: entry.id },
    ];
    const thread = item?.message && !("pending" in item.message) ? item.message : null;
    return {
      channel: d?.channelId ?? workspace.defaultChannel,
      thread,
      directTo: entry.ownerId,
      message: text(
        kind === "entry.week_before" ? "reminder.entry_week" : "reminder.entry_due",
        params,
        actions,
      ),
    };
  }

  if (kind === "quarterly.status") {
    const open = await r.entries.open(workspace.id);
    const lines = open.slice(0, QUARTERLY_LIST).map((e) => {
      const d = describeEntry(e, lang, zone);
      return `• ${d.label}: ${d.text}${e.deadline ? ` (${formatDate(lang, e.deadline, zone)})` : ""}`;
    });
    const head =
      open.length === 0
        ? t(lang, "reminder.quarterly_none")
        : t(lang, "reminder.quarterly", { count: open.length });
    const more =
      open.length > QUARTERLY_LIST
        ? [t(lang, "reminder.quarterly_more", { count: open.length - QUARTERLY_LIST })]
        : [];
    return {
      channel: workspace.defaultChannel,
      thread: null,
      directTo: null,
      message: { kind: "text", view: { language: lang, text: [head, ...lines, ...more].join("\n") } },
    };
  }

  if (kind === "cycle.due" || kind === "cycle.overdue") {
    const year = Number(reminder.payload.year);
    const newer = await r.discussions.forYear(workspace.id, year + 1);
    if (newer) return null;
    return {
      channel: workspace.defaultChannel,
      thread: null,
      directTo: null,
      message: text(kind === "cycle.due" ? "reminder.cycle_due" : "reminder.cycle_overdue", { year }),
    };
  }

  if (kind === "apv.due") {
    const date = String(reminder.payload.lastApvDate);
    return {
      channel: workspace.defaultChannel,
      thread: null,
      directTo: null,
      message: text("reminder.apv_due", { date: formatDate(lang, date, zone) }),
    };
  }

  if (kind === "training.first_course" || kind === "training.supplementary") {
    const userId = String(reminder.payload.userId);
    const joined = String(reminder.payload.joinedAmoOn);
    const member = (await r.members.list(workspace.id)).find((m) => m.userId === userId);
    if (!member || member.joinedAmoOn !== joined) return null;
    const name = member.name || userId;
    if (kind === "training.first_course") {
      return {
        channel: workspace.defaultChannel,
        thread: null,
        directTo: userId,
        message: text("reminder.first_course", {
          name,
          date: formatDate(lang, joined, zone),
          deadline: formatDate(lang, addToDate(joined, { months: 3 }), zone),
        }),
      };
    }
    const years = Math.max(
      1,
      Math.round(DateTime.fromJSDate(now).diff(DateTime.fromISO(joined), "years").years),
    );
    return {
      channel: workspace.defaultChannel,
      thread: null,
      directTo: userId,
      message: text("reminder.supplementary", {
        name,
        years,
        days: t(lang, years <= 1 ? "reminder.days_first_year" : "reminder.days_later"),
      }),
    };
  }
  return null;
}
