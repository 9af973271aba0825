import type { FolderAction, FolderMember, ReadinessIssue } from "./readiness.ts";
import type { SummaryDocument } from "./summary.ts";
import type { RecordState } from "./summary-record.ts";
import type { Language } from "./types.ts";
import type { YearFigures } from "./year-figures.ts";

/** One version of a year's referat, as the folder's list of referater shows it. */
export interface ReferatVersion {
  year: number;
  version: number;
  createdAt: Date;
  sha256: string;
  approved: boolean;
}

/** One line of the approval and audit log. */
export interface LogLine {
  at: Date;
  who: string;
  action: string;
  /** The referat version an approval or revision concerns. */
  version: number | null;
}

/**
 * Everything the inspection folder shows, gathered once: the formats (PDF, Markdown, CSV) lay out the same folder
 * through `inspectionOutline`.
 */
export interface InspectionFolder {
  language: Language;
  /** How people on the workplace's platform call the bot, where a to-do line says what to write. */
  command: string;
  timeZone: string;
  workspaceName: string;
  createdAt: Date;
  /** Today in the workplace's time zone: what "overdue" and "the last five years" are counted from. */
  today: string;
  headcount: number | null;
  hasAmo: boolean;
  readiness: ReadinessIssue[];
  /** The newest approved referat (or, when none is approved, the newest written), with its record. */
  referat: { doc: SummaryDocument; record: RecordState } | null;
  /** Every version of every year's referat, newest first. */
  referater: ReferatVersion[];
  /** The AMO, or in a workplace without one the people who took part in the newest discussion. */
  members: FolderMember[];
  apv: {
    lastApvDate: string | null;
    nextPlanned: string | null;
    actionPlanStatus: string | null;
    actions: FolderAction[];
  };
  /** The five years shown, oldest first, and the figures of those that have them. */
  years: number[];
  figures: YearFigures[];
  open: FolderAction[];
  log: LogLine[];
}
