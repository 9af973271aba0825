import { AGENDA } from "./agenda.ts";
import { titleForSize } from "./agenda-size.ts";
import type { Completeness } from "./completeness.ts";
import type { EntryData, EntryKind } from "./entries.ts";
import { participationFor } from "./participation.ts";
import type { DiscussionStatus, Language, PointStatus, Role } from "./types.ts";

export interface SummaryEntry<K extends EntryKind = EntryKind> {
  id: string;
  point: number;
  kind: K;
  data: EntryData[K];
  status: "open" | "done" | null;
}

/** Everything the written documentation says, platform-neutral; renderers only lay it out. */
export interface SummaryDocument {
  language: Language;
  workspaceName: string;
  year: number;
  status: DiscussionStatus;
  heldAt: Date | null;
  timeZone: string;
  location: string | null;
  channelName: string | null;
  headcount: number;
  participation: string;
  participants: { name: string; role: Role }[];
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
}

/** What the document is built from: the stored facts; the rest of the document is derived from them. */
export type SummaryInput = Omit<
  SummaryDocument,
  "participation" | "minuteTaker" | "points" | "decisions" | "goals" | "cooperation"
> & {
  points: { number: number; status: PointStatus; threadUrl: string | null }[];
  entries: SummaryEntry[];
};

export function summaryDocument(input: SummaryInput): SummaryDocument {
  const of = <K extends EntryKind>(kind: K) =>
    input.entries.filter((e): e is SummaryEntry<K> => e.kind === kind);
  const minuteTaker = of("minute_taker").at(-1)?.data.person.name ?? null;
  return {
    ...input,
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
      };
    }),
    decisions: of("decision"),
    goals: of("goal"),
    cooperation: of("cooperation_plan").at(-1)?.data ?? null,
  };
}
