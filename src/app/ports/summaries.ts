import type { Approval, MessageRef, NewApproval, NewSummary, Summary } from "../../domain/entities.ts";

export interface SummariesRepo {
  latest(workspaceId: string, discussionId: string): Promise<Summary | null>;
  /** Oldest version first. */
  list(workspaceId: string, discussionId: string): Promise<Summary[]>;
  insert(workspaceId: string, s: NewSummary): Promise<Summary>;
  setMessage(
    workspaceId: string,
    discussionId: string,
    version: number,
    ref: MessageRef | null,
  ): Promise<void>;
  /** False when the person had approved this version already. */
  approve(workspaceId: string, a: NewApproval): Promise<boolean>;
  approvals(workspaceId: string, discussionId: string, version: number): Promise<Approval[]>;
  /** The right to post a version's message: only one caller gets true. */
  claimMessage(workspaceId: string, discussionId: string, version: number): Promise<boolean>;
  /** Discussions of installed workspaces with a summary never posted (its process died, or the post failed). */
  unposted(): Promise<{ workspaceId: string; discussionId: string }[]>;
}
