import type { AuditRepo, IdempotencyRepo } from "./ports/audit.ts";
import type { CredentialsRepo } from "./ports/credentials.ts";
import type { DiscussionsRepo } from "./ports/discussions.ts";
import type { EntriesRepo } from "./ports/entries.ts";
import type { PeopleRepo } from "./ports/people.ts";
import type { RemindersRepo } from "./ports/reminders.ts";
import type { RoundRepo } from "./ports/round.ts";
import type { SummariesRepo } from "./ports/summaries.ts";
import type { MembersRepo, WorkspacesRepo } from "./ports/workspaces.ts";

/** The repositories the use cases read and write through, over one connection or one transaction. */
export interface Repos {
  workspaces: WorkspacesRepo;
  members: MembersRepo;
  discussions: DiscussionsRepo;
  entries: EntriesRepo;
  summaries: SummariesRepo;
  audit: AuditRepo;
  idempotency: IdempotencyRepo;
  reminders: RemindersRepo;
  credentials: CredentialsRepo;
  round: RoundRepo;
  people: PeopleRepo;
}

/** Where the core's state lives. The composition root builds it from the store. */
export interface Store {
  /** Each call on its own, outside any transaction. */
  repos: Repos;
  /** Runs work in one transaction; rolls back if it throws. */
  transaction<T>(work: (r: Repos) => Promise<T>): Promise<T>;
}

/**
 * What an adapter may keep in the database for itself (Slack installations, Teams conversation references, the local
 * channel's messages): parameterised SQL on its own tables. The store's drivers implement it.
 */
export interface AdapterSql {
  /** `prepare` names a statement every click runs, to be parsed once per connection (see the store's Db). */
  query<T = Record<string, unknown>>(
    text: string,
    params?: unknown[],
    options?: { prepare?: string },
  ): Promise<T[]>;
}
