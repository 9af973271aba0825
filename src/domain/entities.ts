import type { EntryKind } from "./entries.ts";
import type { SummaryDocument } from "./summary.ts";
import type { DiscussionStatus, Language, PlatformId, PointStatus, Role } from "./types.ts";

/** Where a posted message lives; `id` is the platform's message id (Slack ts, Teams activity id). */
export interface MessageRef {
  channel: string;
  id: string;
  /** The thread the message is in, when it is a reply. */
  threadId?: string;
  /** A link to the message, where the platform has one (kept so the summary can link each point's thread). */
  url?: string;
  /** A fingerprint of what the message was last sent showing: an unchanged message is not sent again. */
  shown?: string;
}

export interface WorkspaceSettings {
  /** Per reminder kind: off, or a different lead time; read by the scheduler. */
  reminders?: Record<string, { enabled?: boolean; daysBefore?: number }>;
  reminderHour?: number;
  [key: string]: unknown;
}

export interface Workspace {
  id: string;
  platform: PlatformId;
  externalId: string;
  name: string;
  headcount: number | null;
  timeZone: string;
  language: Language;
  defaultChannel: string | null;
  settings: WorkspaceSettings;
  installed: boolean;
  /** Who installed the app, where the platform says: may name the first employer. */
  installedBy: string | null;
}

export interface Member {
  userId: string;
  name: string;
  role: Role;
  joinedAmoOn: string | null;
}

export interface Participant {
  id?: string;
  name: string;
  role: Role;
}

/** A person named for the written record: their platform id where there is one. */
export interface StandIn {
  id?: string;
  name: string;
}

/**
 * Who took part as the record states it, kept at the conclusion: every later version of the referat (an amendment
 * months on) names these, not the roster or headcount of its day.
 */
export interface RecordPeople {
  /** The participants with the roles they had then. */
  participants: { name: string; role: Role }[];
  /** Those invited who were not present, where point 1 recorded who was. */
  absent?: { name: string; role: Role }[];
  /** Who decided for the employer, where the employer did not take part. */
  employerStandIn: string | null;
  /** The workplace's headcount then: what the participation text and the legal check went by. */
  headcount: number;
}

export interface Discussion {
  id: string;
  workspaceId: string;
  year: number;
  status: DiscussionStatus;
  version: number;
  scheduledAt: Date | null;
  durationMinutes: number | null;
  location: string | null;
  channelId: string | null;
  /** The channel's name as the platform gave it at conclusion (null before, or where it has none). */
  channelName: string | null;
  participants: Participant[];
  /** Who stands in for the employer, able to decide on the employer's behalf, when the employer does not attend. */
  standIn: StandIn | null;
  organiserId: string;
  currentPoint: number | null;
  boardMessage: MessageRef | null;
  startedAt: Date | null;
  concludedAt: Date | null;
  concludedBy: string | null;
  concludeOverrideReason: string | null;
  /** Kept at the (latest) conclusion; null before it, while reopened, and for discussions concluded before it was kept. */
  recordPeople: RecordPeople | null;
}

export interface AgendaItem {
  number: number;
  key: string;
  status: PointStatus;
  message: MessageRef | null;
  /** The point's entries (not removed), kept by the database (migrations/007_entry_counts.sql). */
  entryCount: number;
}

export interface Entry {
  id: string;
  discussionId: string;
  point: number;
  kind: EntryKind;
  data: Record<string, unknown>;
  authorId: string;
  ownerId: string | null;
  deadline: string | null;
  status: "open" | "done" | null;
  carriedFrom: string | null;
  source: string;
  createdAt: Date;
  completedAt: Date | null;
}

export interface Summary {
  discussionId: string;
  version: number;
  language: Language;
  content: string;
  sha256: string;
  createdBy: string;
  createdAt: Date;
  message: MessageRef | null;
  /** What the version says, as it was written; null for versions written before it was kept. */
  document: SummaryDocument | null;
}

/** A summary version's approval by one participant; `name` falls back to the user id. */
export interface Approval {
  userId: string;
  name: string;
  role: Role;
  at: Date;
}

export interface AuditRecord {
  actorId: string;
  action: string;
  subjectId: string | null;
  details: Record<string, unknown>;
  at: Date;
}

/** A reminder job: delivered once by whichever dispatcher holds its lease. */
export interface Reminder {
  id: string;
  workspaceId: string;
  kind: string;
  subjectId: string | null;
  dueAt: Date;
  payload: Record<string, unknown>;
  status: "pending" | "sent" | "failed" | "cancelled";
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  /** The fencing token of the lease a claim took: outcomes are recorded only while it is still the row's. */
  leaseToken: string | null;
}

/** What is written to create each record; the store adds ids, versions and times. */
export interface NewDiscussion {
  year: number;
  organiserId: string;
  channelId: string | null;
  scheduledAt: Date | null;
  durationMinutes: number | null;
  location: string | null;
  participants: Participant[];
  standIn?: StandIn | null;
}

export interface Rescheduling {
  scheduledAt: Date;
  durationMinutes: number | null;
  location: string | null;
  participants: Participant[];
  standIn?: StandIn | null;
  /** Null keeps the channel the discussion has. */
  channelId: string | null;
  /** The year the new date falls in: a discussion belongs to the year it is planned for. */
  year?: number;
}

/**
 * What a state change writes besides the state. `concludedAt`, when present (null too), sets the three conclusion
 * fields together; absent, they stay as they are.
 */
export interface StateChange {
  startedAt?: Date;
  concludedAt?: Date | null;
  concludedBy?: string | null;
  overrideReason?: string | null;
  channelId?: string;
}

export interface WorkspaceChanges {
  headcount: number;
  timeZone: string;
  language: string;
  defaultChannel: string | null;
  settings: WorkspaceSettings;
}

export interface NewEntry {
  discussionId: string;
  point: number;
  kind: EntryKind;
  data: unknown;
  authorId: string;
  ownerId: string | null;
  deadline: string | null;
  status: "open" | "done" | null;
  carriedFrom?: string | null;
  source?: string;
}

export interface EntryChanges {
  data: unknown;
  ownerId: string | null;
  deadline: string | null;
}

export interface NewSummary {
  discussionId: string;
  version: number;
  language: string;
  content: string;
  sha256: string;
  createdBy: string;
  message: MessageRef | null;
  document: SummaryDocument;
}

export interface NewApproval {
  discussionId: string;
  version: number;
  userId: string;
  role: string;
  at: Date;
}

export interface NewReminder {
  kind: string;
  subjectId: string | null;
  dueAt: Date;
  payload?: Record<string, unknown>;
}
