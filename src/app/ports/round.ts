import type { RoundAnswer, RoundInvite, StoredRoundAnswer } from "../../domain/round.ts";

export type { RoundInvite, StoredRoundAnswer };

/** The preparation round: who was asked (and has answered), apart from the answers themselves. */
export interface RoundRepo {
  /** Records that the person was asked; answers false when they were asked already. */
  invite(workspaceId: string, discussionId: string, userId: string): Promise<boolean>;
  invites(workspaceId: string, discussionId: string): Promise<RoundInvite[]>;
  /** The person's invite, locked until the transaction ends (two submits at once are taken one after the other). */
  lockInvite(workspaceId: string, discussionId: string, userId: string): Promise<RoundInvite | null>;
  markAnswered(workspaceId: string, discussionId: string, userId: string): Promise<void>;
  /** Adds an answer, or replaces the respondent's own (a named answer). */
  saveAnswer(
    workspaceId: string,
    discussionId: string,
    respondentId: string | null,
    answer: RoundAnswer,
  ): Promise<void>;
  /** The respondent's own answer (named rounds only). */
  answerOf(
    workspaceId: string,
    discussionId: string,
    respondentId: string,
  ): Promise<StoredRoundAnswer | null>;
  /** Every answer, in an order that says nothing about who answered when. */
  answers(workspaceId: string, discussionId: string): Promise<StoredRoundAnswer[]>;
}
