import type { MessageRef, OutboundMessage, TextAction } from "../app/chat-port.ts";
import { rememberedLanguage } from "../app/person-language.ts";
import type { Repos } from "../app/ports.ts";
import { addToDate, localDateOf } from "../domain/calendar.ts";
import { describeEntry } from "../domain/describe-entry.ts";
import type { Reminder, Workspace } from "../domain/entities.ts";
import { roundRecipients, roundSettings } from "../domain/round.ts";
import { membershipYearOn, needsTraining, supplementaryDays } from "../domain/training.ts";
import type { Language } from "../domain/types.ts";
import { formatDate, formatDateTime, formatNumber, type MessageKey, type Params, t } from "../i18n/index.ts";
import { type ReminderKind, reminderSetting } from "./plan.ts";
import { roundAsk, roundRemind } from "./round.ts";

/** Where a reminder goes and what it says; null when there is nothing to say any more (the subject is gone or done). */
export interface Delivery {
  channel: string | null;
  /** Post as a reply in this thread instead of in the channel. */
  thread: MessageRef | null;
  /** Also send to this user directly. */
  directTo: string | null;
  message: OutboundMessage;
  /** What the user is sent directly, in their own language, where it differs from the channel's message. */
  directMessage?: OutboundMessage;
}

/** One reminder being written: what it is about, and a text message in the workspace's language. */
export interface Composing {
  r: Repos;
  workspace: Workspace;
  reminder: Reminder;
  kind: ReminderKind;
  now: Date;
  /** How people on the workspace's platform call the bot, for the reminders that say what to write. */
  command: string;
  text(key: MessageKey, params?: Params, actions?: TextAction[]): OutboundMessage;
}

export type Composer = (c: Composing) => Promise<Delivery | null>;

const QUARTERLY_LIST = 10;

export async function composeReminder(
  r: Repos,
  workspace: Workspace,
  reminder: Reminder,
  now: Date,
  command: string,
): Promise<Delivery | null> {
  const lang = workspace.language;
  const kind = reminder.kind as ReminderKind;
  const compose = COMPOSERS[kind];
  if (!compose) return null;
  return compose({
    r,
    workspace,
    reminder,
    kind,
    now,
    command,
    text: (key, params, actions) => ({
      kind: "text",
      view: { language: lang, text: t(lang, key, params), ...(actions ? { actions } : {}) },
    }),
  });
}

/** A message to the workspace's channel. */
const toChannel = (workspace: Workspace, message: OutboundMessage, directTo: string | null = null) => ({
  channel: workspace.defaultChannel,
  thread: null,
  directTo,
  message,
});

/** Before the meeting: time to prepare, the day before, and the moment to start. */
const meeting: Composer = async ({ r, workspace, reminder, kind, text }) => {
  const d = reminder.subjectId ? await r.discussions.get(workspace.id, reminder.subjectId) : null;
  if (d?.status !== "planned" || !d.scheduledAt) return null;
  const lang = workspace.language;
  const when = formatDateTime(lang, d.scheduledAt, workspace.timeZone);
  const where = d.location ? t(lang, "reminder.where", { where: d.location }) : "";
  if (kind === "meeting.prepare") {
    const asked = reminderSetting(workspace, "round.ask").enabled
      ? roundRecipients(
          workspace.headcount ?? 1,
          await r.members.list(workspace.id),
          roundSettings(workspace.settings),
        )
      : [];
    const round = asked.length ? ` ${t(lang, "round.opened", { count: asked.length })}` : "";
    const message = {
      kind: "text" as const,
      view: { language: lang, text: `${t(lang, "reminder.prepare", { when })}${round}` },
    };
    return { channel: d.channelId ?? workspace.defaultChannel, thread: null, directTo: null, message };
  }
  const message =
    kind === "meeting.day_before"
      ? text("reminder.day_before", { when, where })
      : text("reminder.start", {}, [{ type: "start", discussionId: d.id }]);
  return { channel: d.channelId ?? workspace.defaultChannel, thread: null, directTo: null, message };
};

/** A decision's or goal's deadline, in its point's thread and to its owner. */
const entryDeadline: Composer = async ({ r, workspace, reminder, kind }) => {
  const entry = reminder.subjectId ? await r.entries.get(workspace.id, reminder.subjectId) : null;
  if (entry?.status !== "open" || !entry.deadline) return null;
  const { timeZone: zone } = workspace;
  const deadline = entry.deadline;
  const d = await r.discussions.get(workspace.id, entry.discussionId);
  const agenda = await r.discussions.agenda(workspace.id, entry.discussionId);
  const item = agenda.find((i) => i.number === entry.point);
  const actions: TextAction[] = [
    { type: "entry_done", entryId: entry.id },
    { type: "entry_postpone", entryId: entry.id },
  ];
  const key = kind === "entry.week_before" ? "reminder.entry_week" : "reminder.entry_due";
  const inLanguage = (lang: Language) => {
    const described = describeEntry(entry, lang, zone);
    const owner = (entry.data as { owner?: { name: string } }).owner?.name ?? t(lang, "reminder.no_owner");
    const params = {
      text: `${described.label}: ${described.text.replace(/ \([^)]*\)$/, "")}`,
      owner,
      deadline: formatDate(lang, deadline, zone),
    };
    return textIn(lang, key, params, actions);
  };
  return {
    channel: d?.channelId ?? workspace.defaultChannel,
    thread: item?.message && !("pending" in item.message) ? item.message : null,
    directTo: entry.ownerId,
    message: inLanguage(workspace.language),
    ...(await personal(r, workspace, entry.ownerId, inLanguage)),
  };
};

/** A text message in one language. */
const textIn = (
  lang: Language,
  key: MessageKey,
  params?: Params,
  actions?: TextAction[],
): OutboundMessage => ({
  kind: "text",
  view: { language: lang, text: t(lang, key, params), ...(actions ? { actions } : {}) },
});

/** The owner's direct copy in their remembered language, when it is not the workspace's. */
async function personal(
  r: Repos,
  workspace: Workspace,
  userId: string | null,
  inLanguage: (lang: Language) => OutboundMessage,
): Promise<{ directMessage?: OutboundMessage }> {
  if (!userId) return {};
  const own = await rememberedLanguage(r.people, workspace, userId);
  return own === workspace.language ? {} : { directMessage: inLanguage(own) };
}

/** Every quarter: the open decisions and goals, the first few listed. */
const quarterlyStatus: Composer = async ({ r, workspace, command }) => {
  const { language: lang, timeZone: zone } = workspace;
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
      ? [t(lang, "reminder.quarterly_more", { count: open.length - QUARTERLY_LIST, command })]
      : [];
  const text = [head, ...lines, ...more].join("\n");
  return toChannel(workspace, { kind: "text", view: { language: lang, text } });
};

/** Next year's discussion is due (or overdue), unless it has been planned already. */
const cycle: Composer = async ({ r, workspace, reminder, kind, command, text }) => {
  const year = Number(reminder.payload.year);
  if (await r.discussions.forYear(workspace.id, year + 1)) return null;
  const key = kind === "cycle.due" ? "reminder.cycle_due" : "reminder.cycle_overdue";
  return toChannel(workspace, text(key, { year, command }));
};

/** The workplace assessment's three years are nearly up: months ahead, so the next one can be planned. */
const apvDue: Composer = async ({ workspace, reminder, text }) => {
  const { language: lang, timeZone: zone } = workspace;
  const last = String(reminder.payload.lastApvDate);
  const due = typeof reminder.payload.due === "string" ? reminder.payload.due : addToDate(last, { years: 3 });
  const params = { date: formatDate(lang, last, zone), due: formatDate(lang, due, zone) };
  const months = Number(reminder.payload.monthsBefore);
  if (!(months > 0)) return toChannel(workspace, text("reminder.apv_due", params));
  return toChannel(workspace, text("reminder.apv_ahead", { ...params, months }));
};

/** An AMO member's training: the 3-day course within three months, then the supplementary days of each year. */
const training: Composer = async (c) => {
  const delivery = await trainingIn(c, c.workspace.language);
  if (!delivery?.directTo) return delivery;
  const own = await rememberedLanguage(c.r.people, c.workspace, delivery.directTo);
  const copy = own === c.workspace.language ? null : await trainingIn(c, own);
  return copy ? { ...delivery, directMessage: copy.message } : delivery;
};

async function trainingIn({ r, workspace, reminder, kind, now }: Composing, lang: Language) {
  const { timeZone: zone } = workspace;
  const text = (key: MessageKey, params?: Params) => textIn(lang, key, params);
  const userId = String(reminder.payload.userId);
  const joined = String(reminder.payload.joinedAmoOn);
  const member = (await r.members.list(workspace.id)).find((m) => m.userId === userId);
  // Gone from the roster, no longer in a role the duty covers, or joined anew (a new date plans its own reminders).
  if (!member || member.joinedAmoOn !== joined || !needsTraining(member.role)) return null;
  // A reminder held up past its step's deadline (an outage) has nothing left to ask for.
  const stepDeadline = reminder.payload.deadline;
  if (typeof stepDeadline === "string" && stepDeadline < localDateOf(now, zone)) return null;
  const name = member.name || userId;
  const direct = userId.startsWith("name:") ? null : userId;
  const date = formatDate(lang, joined, zone);
  const deadline = (months: number) =>
    formatDate(lang, String(reminder.payload.deadline ?? addToDate(joined, { months })), zone);
  if (kind === "training.first_course")
    return toChannel(workspace, text("reminder.first_course", { name, date, deadline: deadline(3) }), direct);
  const year = Number(reminder.payload.membershipYear) || membershipYearOn(joined, localDateOf(now, zone));
  if (year <= 1)
    return toChannel(
      workspace,
      text("reminder.supplementary_first", { name, date, deadline: deadline(12) }),
      direct,
    );
  const days = formatNumber(lang, supplementaryDays(year));
  return toChannel(workspace, text("reminder.supplementary", { name, years: year - 1, days }), direct);
}

const COMPOSERS: Record<ReminderKind, Composer> = {
  "meeting.prepare": meeting,
  "meeting.day_before": meeting,
  "meeting.start": meeting,
  "round.ask": roundAsk,
  "round.remind": roundRemind,
  "entry.week_before": entryDeadline,
  "entry.due": entryDeadline,
  "quarterly.status": quarterlyStatus,
  "cycle.due": cycle,
  "cycle.overdue": cycle,
  "apv.due": apvDue,
  "training.first_course": training,
  "training.supplementary": training,
};
