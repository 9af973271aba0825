import { describe, expect, it } from "vitest";
import { roundGapMs } from "../../src/app/sync.ts";

describe("the gap between a busy channel's refresh rounds", () => {
  it("is a second and up to a quarter more, drawn each time, so meetings that began together drift apart", () => {
    expect(roundGapMs(() => 0)).toBe(1000);
    expect(roundGapMs(() => 0.5)).toBe(1125);
    expect(roundGapMs(() => 0.999_999)).toBeLessThan(1250);
    // Never under a second (the gap exists to keep a busy channel's sends within the platforms' limits).
    const drawn = Array.from({ length: 200 }, () => roundGapMs());
    expect(Math.min(...drawn)).toBeGreaterThanOrEqual(1000);
    expect(Math.max(...drawn)).toBeLessThan(1250);
    expect(new Set(drawn).size).toBeGreaterThan(100);
  });
});
