import type { Workspace } from "../../src/domain/entities.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { testCore } from "./core.ts";

type Person = { userId: string; name: string };

/** One year's discussion as the seed holds it: when, what point 6 counted, and whether both sides approve. */
export interface SeedYear {
  at: string;
  accidents: number;
  nearMisses: number;
  apvDate?: string;
  /** An APV action plan item with its deadline (followed up as a decision at point 4). */
  apvAction?: { text: string; deadline: string };
  /** Who has (or has not) the 3-day course, as point 10 records it. */
  course?: {
    person: Person;
    done: boolean;
    supplementaryTakenDays?: number;
    supplementaryOffered?: boolean;
  }[];
  approve?: boolean;
}

/**
 * Holds one discussion a year through the core, each on its own day: started, a few answers recorded, concluded
 * (with a reason where the law's parts are missing) and, where asked, approved by the employer and the
 * representative. The workspace must be set up with both on its roster.
 */
export async function holdYears(
  db: Db,
  workspace: Workspace,
  people: { employer: Person; rep: Person },
  years: SeedYear[],
) {
  const { core, clock } = testCore(db);
  const as = (actor: Person) => ({ workspace, actor });
  const employer = as(people.employer);
  for (const y of years) {
    clock.now = new Date(y.at);
    const { discussion } = await core.start(employer, {}, null);
    const rec = (point: number, kind: string, data: unknown) =>
      core.record(employer, { discussionId: discussion.id, point, kind, data }, null);
    await rec(4, "apv_status", {
      ...(y.apvDate ? { lastApvDate: y.apvDate } : {}),
      actionPlanStatus: "Handlingsplanen følges på hvert AMO-møde.",
      ...(y.apvAction
        ? { actions: [{ ...y.apvAction, owner: { id: people.employer.userId, name: people.employer.name } }] }
        : {}),
    });
    await rec(6, "accident_overview", {
      accidents: y.accidents,
      nearMisses: y.nearMisses,
      poisonings: 0,
      healthDamage: 1,
      causesInvestigated: "yes",
      preventionWorked: "partly",
    });
    if (y.course)
      await rec(10, "competences", {
        members: y.course.map((c) => ({
          person: { id: c.person.userId, name: c.person.name },
          firstCourseDone: c.done,
          ...(c.supplementaryTakenDays === undefined
            ? {}
            : { supplementaryTakenDays: c.supplementaryTakenDays }),
          ...(c.supplementaryOffered === undefined ? {} : { supplementaryOffered: c.supplementaryOffered }),
        })),
      });
    const current = await repos(db).discussions.get(workspace.id, discussion.id);
    await core.conclude(
      employer,
      {
        discussionId: discussion.id,
        expectedVersion: current?.version ?? 0,
        overrideReason: "Holdt på mødet",
      },
      null,
    );
    if (y.approve) {
      for (const p of [people.employer, people.rep])
        await core.approve(as(p), { discussionId: discussion.id, version: 1 }, null);
    }
  }
}
