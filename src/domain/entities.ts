import type { EntryKind } from "./entries.ts";
import type { DiscussionStatus, Language, PlatformId, PointStatus, Role } from "./types.ts";

/** Where a posted message lives; `id` is the platform's message id (Slack ts, Teams activity id). */
export interface MessageRef {
  channel: string;
  id: string;
  /** The thread the message is in, when it is a reply. */
  threadId?: string;
  /** A link to the message, where the platform has one (kept so the summary can link each point's thread). */
  url?: string;
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
  participants: Participant[];
  organiserId: string;
  currentPoint: number | null;
  boardMessage: MessageRef | null;
  startedAt: Date | null;
  concludedAt: Date | null;
  concludedBy: string | null;
  concludeOverrideReason: string | null;
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
}
