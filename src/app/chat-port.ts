import type { PointForm } from "../domain/agenda.ts";
import type { Completeness } from "../domain/completeness.ts";
import type { DescribedEntry } from "../domain/describe-entry.ts";
import type { MessageRef } from "../domain/entities.ts";
import type { EntryKind } from "../domain/entries.ts";
import type { RecordVersion, SummaryDocument } from "../domain/summary.ts";
import type { DiscussionStatus, Language, PointStatus, Role } from "../domain/types.ts";
import type { CardRights } from "./card-rights.ts";
import type { HomeView } from "./home.ts";

export type { MessageRef } from "../domain/entities.ts";

export interface BoardView {
  discussionId: string;
  year: number;
  status: DiscussionStatus;
  version: number;
  language: Language;
  timeZone: string;
  scheduledAt: Date | null;
  location: string | null;
  currentPoint: number | null;
  /** Each point's status only: a note changes its point's message, not the board (one platform call per note). */
  points: { number: number; title: string; status: PointStatus }[];
}

export interface ViewEntry {
  id: string;
  kind: EntryKind;
  authorId: string;
  status: "open" | "done" | null;
  described: DescribedEntry;
}

export interface PointView {
  discussionId: string;
  discussionStatus: DiscussionStatus;
  version: number;
  language: Language;
  timeZone: string;
  number: number;
  title: string;
  questions: string[];
  help: string;
  form: PointForm | null;
  status: PointStatus;
  isCurrent: boolean;
  /** The newest entries (at most POINT_VIEW_ENTRIES), oldest of them first. */
  entries: ViewEntry[];
  /** How many entries the point holds in all. */
  entryCount: number;
  /** Point 7: last year's goals still waiting for a verdict. */
  carriedGoals: { id: string; text: string; successCriterion: string }[];
  /**
   * Point 7 in the workplace's first discussion with the bot, while it is held: there are no goals from last year to
   * assess (on concluding this is recorded at the point, and shown as such).
   */
  firstYear?: boolean;
  /** What earlier years say here (point 6: their accident figures; point 7: a skipped year), as lines to show. */
  earlier?: string[];
  /**
   * The preparation round, where one was held: how many were asked and answered (point 1 shows it to the employer),
   * and what came in for this point, worded.
   */
  round?: { heading: string; counts: string; inputs: string[] };
  /** The last point, where concluding is offered: who may conclude and approve (a platform may show them their own buttons). */
  rights?: CardRights;
}

export interface AnnouncementView {
  discussionId: string;
  year: number;
  language: Language;
  timeZone: string;
  scheduledAt: Date;
  durationMinutes: number | null;
  location: string | null;
  participants: string[];
  participation: string;
  agenda: { number: number; title: string }[];
  rescheduled: boolean;
}

export interface SummaryView {
  discussionId: string;
  language: Language;
  document: SummaryDocument;
  markdown: string;
  version: number;
  sha256: string;
  approvals: { name: string; role: Role; at: Date }[];
  /** Both sides have approved this version. */
  approved: boolean;
  /** Every version of the record with its hash, oldest first. */
  versions?: RecordVersion[];
  /** Who may approve (and conclude), for platforms that show each of them their own buttons. */
  rights?: CardRights;
}

export interface CompletenessView {
  discussionId: string;
  version: number;
  language: Language;
  completeness: Completeness;
}

/** A button under a text message, e.g. on a reminder. */
export type TextAction =
  | { type: "start"; discussionId: string }
  | { type: "pre_input"; discussionId: string }
  /** Opens the preparation round's form, from the private message that asks for input. */
  | { type: "round_open"; discussionId: string }
  | { type: "entry_done"; entryId: string }
  | { type: "entry_postpone"; entryId: string }
  /** "Save anyway" on a thread reply held back for naming a person with a health word (to its writer alone). */
  | {
      type: "save_reply";
      reply: { channel: string; threadId: string; messageId: string; text: string };
      /** Who wrote the reply: only they may save it. */
      writerId: string;
    };

/** A person named in a text, at `at` (where their name starts in it), for platforms that can mention them. */
export interface Mention {
  userId: string;
  name: string;
  at: number;
}

/** A plain message the core has already worded in the reader's language. */
export interface TextView {
  language: Language;
  text: string;
  /** Buttons to show with the text, where the platform can. */
  actions?: TextAction[];
  /** People the text names by name, mentioned where the platform can (they are notified); the text reads alike. */
  mentions?: Mention[];
}

export type OutboundMessage =
  | { kind: "text"; view: TextView }
  | { kind: "board"; view: BoardView }
  | { kind: "point"; view: PointView }
  | { kind: "announcement"; view: AnnouncementView }
  | { kind: "summary"; view: SummaryView }
  | { kind: "completeness"; view: CompletenessView };

export interface OutboundFile {
  name: string;
  title: string;
  mimeType: string;
  content: Uint8Array | string;
  /** Where a platform offers the file by link: how long the link works (default DOCUMENT_LINK_MINUTES). */
  linkMinutes?: number;
}

/** How long a download link to a document works, where a platform offers files by link. */
export const DOCUMENT_LINK_MINUTES = 24 * 60;

/** A form to fill in: a note, decision or goal, or a point's own structured form. */
export interface FormRequest {
  discussionId: string;
  point: number;
  form: "note" | "decision" | "goal" | PointForm;
  language: Language;
  timeZone: string;
  /** Values to show, when editing an entry or re-showing a refused form. */
  values?: Record<string, unknown>;
  entryId?: string;
  carriedGoals?: PointView["carriedGoals"];
}

/**
 * Everything the core asks of a chat platform. One implementation per platform, per workspace.
 * Methods throw on failure; the core decides what to keep and what to retry.
 */
export interface ChatPort {
  post(channel: string, message: OutboundMessage): Promise<MessageRef>;
  update(ref: MessageRef, message: OutboundMessage): Promise<void>;
  replyInThread(parent: MessageRef, message: OutboundMessage): Promise<MessageRef>;
  /** Pins where the platform can; "unsupported" where it cannot (the core then says where the record is kept). */
  pin(ref: MessageRef): Promise<"pinned" | "unsupported">;
  sendFile(channel: string, file: OutboundFile, thread?: MessageRef): Promise<void>;
  /** A link to the message or its thread, where the platform has one. */
  linkTo(ref: MessageRef): Promise<string | null>;
  /** Opens a form for the user who triggered it (Slack: a modal by trigger id; Teams: a card). */
  openForm(trigger: string, form: FormRequest): Promise<void>;
  /** A direct message to one user. */
  sendDirect(userId: string, message: OutboundMessage): Promise<MessageRef | null>;
  /** The channel's name as people see it ("#arbejdsmiljø"), where the platform tells; null where it does not. */
  channelName?(channel: string): Promise<string | null>;
  /** Draws a person's own page in the app (Slack's App Home); left out where the platform has none. */
  showHome?(userId: string, view: HomeView): Promise<void>;
}
