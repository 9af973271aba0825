import type { DiscussionState } from "../../domain/discussion.ts";
import type {
  AgendaItem,
  Discussion,
  MessageRef,
  NewDiscussion,
  RecordPeople,
  Rescheduling,
  StateChange,
} from "../../domain/entities.ts";

/** A discussion's own message (its board) or one agenda point's. */
export type MessageSlot = number | "board";

export interface DiscussionsRepo {
  /** `lock` holds the row until the transaction ends, so changes to one discussion queue up. */
  get(workspaceId: string, discussionId: string, lock?: boolean): Promise<Discussion | null>;
  forYear(workspaceId: string, year: number, lock?: boolean): Promise<Discussion | null>;
  /**
   * The newest discussion held (started) before the year: where this year's carries on from, also when a year was
   * skipped. One planned and never held does not count.
   */
  previous(workspaceId: string, year: number): Promise<Discussion | null>;
  latest(workspaceId: string): Promise<Discussion | null>;
  /** Newest year first. */
  list(workspaceId: string): Promise<Discussion[]>;
  /** Creates the discussion with its agenda; null when the year already has one. */
  create(workspaceId: string, d: NewDiscussion): Promise<Discussion | null>;
  reschedule(workspaceId: string, discussionId: string, d: Rescheduling): Promise<Discussion>;
  /** Writes the state only if the discussion is still at `expectedVersion`; null when someone came first. */
  applyState(
    workspaceId: string,
    discussionId: string,
    expectedVersion: number,
    state: DiscussionState,
    extra?: StateChange,
  ): Promise<Discussion | null>;
  /** Keeps the channel's name as the platform gave it, for the referat's "where". */
  nameChannel(workspaceId: string, discussionId: string, name: string): Promise<void>;
  /**
   * Keeps who took part, their roles and the headcount as the conclusion recorded them, for every later version;
   * null clears it (a reopened discussion is under way again).
   */
  keepRecordPeople(workspaceId: string, discussionId: string, people: RecordPeople | null): Promise<void>;
  remove(workspaceId: string, discussionId: string): Promise<void>;
  agenda(workspaceId: string, discussionId: string): Promise<AgendaItem[]>;
  /** The right to post a slot's message: only one caller gets true, so a retry never posts twice. */
  claimMessage(workspaceId: string, discussionId: string, slot: MessageSlot): Promise<boolean>;
  /** Stores the posted message, or (null) gives the claim back so a later call may post. */
  setMessage(
    workspaceId: string,
    discussionId: string,
    slot: MessageSlot,
    ref: MessageRef | null,
  ): Promise<void>;
  /** The discussion and point whose message opened a thread. */
  pointByMessage(
    workspaceId: string,
    channel: string,
    messageId: string,
  ): Promise<{ discussionId: string; point: number } | null>;
}
