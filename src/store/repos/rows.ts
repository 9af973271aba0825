import type {
  AgendaItem,
  Discussion,
  Entry,
  MessageRef,
  Participant,
  RecordPeople,
  StandIn,
  Summary,
  Workspace,
  WorkspaceSettings,
} from "../../domain/entities.ts";
import type { EntryKind } from "../../domain/entries.ts";
import { reviveSummaryDocument } from "../../domain/summary.ts";
import type { DiscussionStatus, Language, PlatformId, PointStatus } from "../../domain/types.ts";

export type {
  AgendaItem,
  Discussion,
  Entry,
  Member,
  MessageRef,
  Participant,
  Summary,
  Workspace,
  WorkspaceSettings,
} from "../../domain/entities.ts";

type Row = Record<string, unknown>;

// The columns each mapper below reads, for the statements that name them: a prepared statement may not use `*`.
export const WORKSPACE_COLUMNS =
  "id, platform, external_id, name, headcount, time_zone, language, default_channel, settings, installed, installed_by";
export const DISCUSSION_COLUMNS = `id, workspace_id, year, status, version, scheduled_at, duration_minutes, location,
  channel_id, channel_name, participants, stand_in, organiser_id, current_point, board_message, started_at,
  concluded_at, concluded_by, conclude_override_reason, record_people`;
export const ENTRY_COLUMNS =
  "id, discussion_id, point, kind, data, author_id, owner_id, deadline, status, carried_from, source, created_at, completed_at";

export const toWorkspace = (r: Row): Workspace => ({
  id: r.id as string,
  platform: r.platform as PlatformId,
  externalId: r.external_id as string,
  name: r.name as string,
  headcount: (r.headcount as number | null) ?? null,
  timeZone: r.time_zone as string,
  language: r.language as Language,
  defaultChannel: (r.default_channel as string | null) ?? null,
  settings: (r.settings as WorkspaceSettings) ?? {},
  installed: r.installed as boolean,
  installedBy: (r.installed_by as string | null) ?? null,
});

export const toDiscussion = (r: Row): Discussion => ({
  id: r.id as string,
  workspaceId: r.workspace_id as string,
  year: r.year as number,
  status: r.status as DiscussionStatus,
  version: r.version as number,
  scheduledAt: (r.scheduled_at as Date | null) ?? null,
  durationMinutes: (r.duration_minutes as number | null) ?? null,
  location: (r.location as string | null) ?? null,
  channelId: (r.channel_id as string | null) ?? null,
  channelName: (r.channel_name as string | null) ?? null,
  participants: (r.participants as Participant[]) ?? [],
  standIn: (r.stand_in as StandIn | null) ?? null,
  organiserId: r.organiser_id as string,
  currentPoint: (r.current_point as number | null) ?? null,
  boardMessage: (r.board_message as MessageRef | null) ?? null,
  startedAt: (r.started_at as Date | null) ?? null,
  concludedAt: (r.concluded_at as Date | null) ?? null,
  concludedBy: (r.concluded_by as string | null) ?? null,
  concludeOverrideReason: (r.conclude_override_reason as string | null) ?? null,
  recordPeople: (r.record_people as RecordPeople | null) ?? null,
});

export const toAgendaItem = (r: Row): AgendaItem => ({
  number: r.number as number,
  key: r.key as string,
  status: r.status as PointStatus,
  message: (r.message as MessageRef | null) ?? null,
  entryCount: Number(r.entry_count ?? 0),
});

export const toEntry = (r: Row): Entry => ({
  id: r.id as string,
  discussionId: r.discussion_id as string,
  point: r.point as number,
  kind: r.kind as EntryKind,
  data: r.data as Record<string, unknown>,
  authorId: r.author_id as string,
  ownerId: (r.owner_id as string | null) ?? null,
  deadline: (r.deadline as string | null) ?? null,
  status: (r.status as "open" | "done" | null) ?? null,
  carriedFrom: (r.carried_from as string | null) ?? null,
  source: r.source as string,
  createdAt: r.created_at as Date,
  completedAt: (r.completed_at as Date | null) ?? null,
});

export const toSummary = (r: Row): Summary => ({
  discussionId: r.discussion_id as string,
  version: r.version as number,
  language: r.language as Language,
  content: r.content as string,
  sha256: r.sha256 as string,
  createdBy: r.created_by as string,
  createdAt: r.created_at as Date,
  message: (r.message as MessageRef | null) ?? null,
  document: r.document ? reviveSummaryDocument(r.document) : null,
});
