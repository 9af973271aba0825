import { AGENDA } from "./agenda.ts";
import { titleForSize } from "./agenda-size.ts";
import { addToDate, localDateOf } from "./calendar.ts";
import { type Completeness, YEARLY_DUTIES } from "./completeness.ts";
import type { EntryData, EntryKind } from "./entries.ts";
import { participationFor } from "./participation.ts";
import type { RoundDigest } from "./round-digest.ts";
import type { DiscussionStatus, Language, PointStatus, Role } from "./types.ts";
import type { YearFigures } from "./year-figures.ts";

export interface SummaryEntry<K extends EntryKind = EntryKind> {
  id: string;
  point: number;
  kind: K;
  data: EntryData[K];
  status: "open" | "done" | null;
}

/** How decisions and goals are followed up, as the workplace's reminder settings have it. */
export interface FollowUpSettings {
  /** Days before a deadline the owner is reminded; null when that reminder is off. */
  daysBefore: number | null;
  /** The owner is reminded on the deadline itself. */
  onDeadline: boolean;
  /** The channel gets the open items' status every quarter. */
  quarterly: boolean;
  /** The channel is reminded when next year's discussion is due. */
  nextYear: boolean;
}

/** Every reminder on, at the default lead time: what a workplace that never changed its settings has. */
export const DEFAULT_FOLLOW_UP: FollowUpSettings = {
  daysBefore: 7,
  onDeadline: true,
  quarterly: true,
  nextYear: true,
};

/** A version of the written record, as the record's history lists it. */
export interface RecordVersion {
  version: number;
  sha256: string;
  createdAt: Date;
}

/** Everything the written documentation says, platform-neutral; renderers only lay it out. */
export interface SummaryDocument {
  language: Language;
  /** How people on the workplace's platform call the bot, as the record tells them to ("/arbejdsmiljø"). */
  command: string;
  workspaceName: string;
  year: number;
  status: DiscussionStatus;
  /** When the discussion was held: when it started (the planned time where it never started). */
  heldAt: Date | null;
  /** When it was concluded. */
  concludedAt: Date | null;
  /** The time it was planned for, only where that differs from when it was held. */
  plannedAt: Date | null;
  timeZone: string;
  location: string | null;
  /** The channel by the name people know it by; null where the platform gave none. */
  channelName: string | null;
  headcount: number;
  participation: string;
  participants: { name: string; role: Role }[];
  /** Those invited who were not present, where point 1 recorded who was (absent in older documents). */
  absent?: { name: string; role: Role }[];
  /** No one from the employer's side among the participants, and no stand-in (absent in older documents). */
  employerMissing?: boolean;
  /** Who decided on the employer's behalf, where the employer did not take part. */
  employerStandIn: string | null;
  minuteTaker: string | null;
  points: SummaryPoint[];
  decisions: SummaryEntry<"decision">[];
  goals: SummaryEntry<"goal">[];
  cooperation: EntryData["cooperation_plan"] | null;
  completeness: Completeness;
  concludedBy: string | null;
  overrideReason: string | null;
  version: number | null;
  /** Last year's goals and how they stand: done during the year, and this year's verdict. */
  lastYearGoals: LastYearGoal[];
  /** The accident figures of the last years held, this one included, oldest first (the PDF draws them). */
  yearFigures?: YearFigures[];
  followUp: FollowUpSettings;
  /** The date by which next year's discussion must be held (ISO), a year after this one. */
  nextDueBy: string | null;
  /** The preparation round before the meeting, where one was held. */
  round?: RoundDigest | null;
}

export interface LastYearGoal {
  text: string;
  successCriterion: string;
  status: "open" | "done" | null;
  verdict: "reached" | "partly" | "not_reached" | null;
}

export interface SummaryPoint {
  number: number;
  title: string;
  status: PointStatus;
  threadUrl: string | null;
  entries: SummaryEntry[];
  /** What earlier years say at the point (their accident figures, a skipped year), as lines. */
  earlier: string[];
}

/** What the document is built from: the stored facts; the rest of the document is derived from them. */
export type SummaryInput = Omit<
  SummaryDocument,
  | "participation"
  | "minuteTaker"
  | "points"
  | "decisions"
  | "goals"
  | "cooperation"
  | "concludedAt"
  | "plannedAt"
  | "employerStandIn"
  | "followUp"
  | "nextDueBy"
> & {
  points: { number: number; status: PointStatus; threadUrl: string | null; earlier?: string[] }[];
  entries: SummaryEntry[];
  concludedAt?: Date | null;
  /** The time it was planned for (shown only where it differs from when it was held). */
  plannedAt?: Date | null;
  employerStandIn?: string | null;
  followUp?: FollowUpSettings;
};

/** A document read back from its JSON: its times are Dates again. */
export function reviveSummaryDocument(stored: unknown): SummaryDocument {
  const doc = stored as SummaryDocument;
  const at = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string));
  return {
    ...doc,
    heldAt: at(doc.heldAt),
    concludedAt: at(doc.concludedAt),
    plannedAt: at(doc.plannedAt),
    completeness: withDuties(doc.completeness),
  };
}

/**
 * A check stored before the yearly duties had a list of their own counted them as good practice: read back, they
 * are shown as duties. What is stored stays as it was.
 */
function withDuties(stored: Completeness): Completeness {
  if (Array.isArray(stored.duties)) return stored;
  const isDuty = (r: string) => (YEARLY_DUTIES as readonly string[]).includes(r);
  const kept = stored.goodPractice as string[];
  return {
    ...stored,
    duties: kept.filter(isDuty) as Completeness["duties"],
    goodPractice: kept.filter((r) => !isDuty(r)) as Completeness["goodPractice"],
  };
}

/** A planned time this close to the start is the same meeting on time: not worth a line of its own. */
const SAME_MEETING_MS = 30 * 60 * 1000;

export function summaryDocument(input: SummaryInput): SummaryDocument {
  const of = <K extends EntryKind>(kind: K) =>
    input.entries.filter((e): e is SummaryEntry<K> => e.kind === kind);
  const minuteTaker = of("minute_taker").at(-1)?.data.person.name ?? null;
  const heldAt = input.heldAt ?? input.plannedAt ?? null;
  const planned = input.plannedAt ?? null;
  const plannedDiffers =
    planned !== null && heldAt !== null && Math.abs(planned.getTime() - heldAt.getTime()) > SAME_MEETING_MS;
  const { entries: _entries, ...facts } = input;
  return {
    ...facts,
    heldAt,
    concludedAt: input.concludedAt ?? null,
    plannedAt: plannedDiffers ? planned : null,
    employerStandIn: input.employerStandIn ?? null,
    followUp: input.followUp ?? DEFAULT_FOLLOW_UP,
    nextDueBy: heldAt ? addToDate(localDateOf(heldAt, input.timeZone), { years: 1 }) : null,
    participation: participationFor(input.headcount).description[input.language],
    minuteTaker,
    points: AGENDA.map((point) => {
      const state = input.points.find((p) => p.number === point.number);
      return {
        number: point.number,
        title: titleForSize(point.number, input.headcount)[input.language],
        status: state?.status ?? "pending",
        threadUrl: state?.threadUrl ?? null,
        entries: input.entries.filter((e) => e.point === point.number),
        earlier: state?.earlier ?? [],
      };
    }),
    decisions: of("decision"),
    goals: of("goal"),
    cooperation: of("cooperation_plan").at(-1)?.data ?? null,
  };
}

/** The record's one status word: a version both sides approved is approved, whatever came before. */
export function recordStatus(status: DiscussionStatus, approved: boolean): DiscussionStatus {
  return approved ? "approved" : status;
}
