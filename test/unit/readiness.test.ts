import { describe, expect, it } from "vitest";
import { type FolderMember, type ReadinessInput, readiness } from "../../src/domain/readiness.ts";
import { yearFigures } from "../../src/domain/year-figures.ts";

const member = (over: Partial<FolderMember>): FolderMember => ({
  name: "Ali Nielsen",
  role: "amo_representative",
  joinedOn: "2026-10-01",
  course: "done",
  courseDue: "2027-01-01",
  supplementary: null,
  ...over,
});

const ready: ReadinessInput = {
  today: "2026-12-07",
  lastHeldOn: "2026-01-10",
  lastApvDate: "2024-01-15",
  members: [member({})],
  open: [],
  referatApproved: true,
};

describe("the readiness check", () => {
  it("finds nothing missing in a workplace that is in order", () => {
    expect(readiness(ready)).toEqual([]);
  });

  it("counts 12 months and three years to the day", () => {
    expect(readiness({ ...ready, lastHeldOn: "2025-12-07" })).toEqual([]);
    expect(readiness({ ...ready, lastHeldOn: "2025-12-06" })).toEqual([
      { kind: "no_discussion", lastHeldOn: "2025-12-06" },
    ]);
    expect(readiness({ ...ready, lastApvDate: "2023-12-08" })).toEqual([]);
    expect(readiness({ ...ready, lastApvDate: "2023-12-07" })).toEqual([
      { kind: "apv_old", lastApvDate: "2023-12-07", dueBy: "2026-12-07" },
    ]);
  });

  it("asks for approval only of a discussion held in time, and names a missing APV", () => {
    expect(readiness({ ...ready, referatApproved: false })).toEqual([{ kind: "referat_not_approved" }]);
    expect(readiness({ ...ready, lastHeldOn: null, referatApproved: false, lastApvDate: null })).toEqual([
      { kind: "no_discussion", lastHeldOn: null },
      { kind: "apv_missing" },
    ]);
  });

  it("names each member without the course, overdue or not yet, and never one the duty does not cover", () => {
    const issues = readiness({
      ...ready,
      members: [
        member({ name: "Ny", course: "unknown" }),
        member({ name: "Gammel", course: "not_done", courseDue: "2026-06-01" }),
        member({ name: "Uden dato", course: "unknown", courseDue: null }),
        member({ name: "Mette", role: "employer", course: "not_required", courseDue: null }),
      ],
    });
    expect(issues).toEqual([
      { kind: "course_missing", name: "Ny", dueBy: "2027-01-01", overdue: false },
      { kind: "course_missing", name: "Gammel", dueBy: "2026-06-01", overdue: true },
      { kind: "course_missing", name: "Uden dato", dueBy: null, overdue: false },
    ]);
  });
});

describe("the yearly figures", () => {
  const overview = (accidents: number) => ({
    accidents,
    nearMisses: accidents * 2,
    poisonings: 0,
    healthDamage: 1,
    causesInvestigated: "yes" as const,
    preventionWorked: "yes" as const,
  });

  it("gives the last five years' newest overview each, oldest first, and leaves uncounted years out", () => {
    expect(
      yearFigures(
        [
          { year: 2026, overviews: [overview(9), overview(3)] },
          { year: 2024, overviews: [] },
          { year: 2021, overviews: [overview(7)] },
          { year: 2023, overviews: [overview(1)] },
        ],
        2026,
      ),
    ).toEqual([
      { year: 2023, accidents: 1, nearMisses: 2, poisonings: 0, healthDamage: 1 },
      { year: 2026, accidents: 3, nearMisses: 6, poisonings: 0, healthDamage: 1 },
    ]);
  });
});
