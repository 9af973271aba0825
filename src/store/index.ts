import type { Queryable } from "./db.ts";
import { auditRepo, idempotencyRepo } from "./repos/audit.ts";
import { credentialsRepo } from "./repos/credentials.ts";
import { discussionsRepo } from "./repos/discussions.ts";
import { entriesRepo } from "./repos/entries.ts";
import { peopleRepo } from "./repos/people.ts";
import { remindersRepo } from "./repos/reminders.ts";
import { roundRepo } from "./repos/round.ts";
import { summariesRepo } from "./repos/summaries.ts";
import { membersRepo, workspacesRepo } from "./repos/workspaces.ts";

/** All repositories over one connection or transaction. */
export function repos(q: Queryable) {
  return {
    workspaces: workspacesRepo(q),
    members: membersRepo(q),
    discussions: discussionsRepo(q),
    entries: entriesRepo(q),
    summaries: summariesRepo(q),
    audit: auditRepo(q),
    idempotency: idempotencyRepo(q),
    reminders: remindersRepo(q),
    credentials: credentialsRepo(q),
    round: roundRepo(q),
    people: peopleRepo(q),
  };
}

export type { Db, Queryable } from "./db.ts";
