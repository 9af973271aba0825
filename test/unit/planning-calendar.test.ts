import { describe, expect, it } from "vitest";
import { planningWarnings } from "../../src/domain/calendar.ts";

describe("the planning calendar", () => {
  it.each([
    ["2026-12-24", ["holiday"]],
    ["2026-04-03", ["holiday"]],
    ["2026-07-15", ["summer_holiday"]],
    ["2027-02-17", ["school_holiday"]],
    ["2026-10-14", ["school_holiday"]],
    ["2026-11-28", ["weekend"]],
    ["2026-11-26", []],
  ])("warns about %s: %j", (date, warnings) => {
    expect(planningWarnings(date)).toEqual(warnings);
  });
});
