import { describe, expect, it } from "vitest";
import { MAX_KEYS, toldOnce } from "../../adapters/slack/told-once.ts";

describe("a notice told once per click", () => {
  it("tells the first of repeated clicks, and again once the window has passed", () => {
    let now = 0;
    const told = toldOnce(() => new Date(now), 5_000);
    expect(told.first("T1 C1 U1 point_next v3")).toBe(true);
    now = 300;
    expect(told.first("T1 C1 U1 point_next v3")).toBe(false);
    expect(told.first("T1 C1 U2 point_next v3")).toBe(true);
    now = 5_300;
    expect(told.first("T1 C1 U1 point_next v3")).toBe(true);
  });

  it("stays bounded under many different clicks and still remembers the latest", () => {
    let now = 0;
    const told = toldOnce(() => new Date(now), 5_000);
    for (let i = 0; i < 25_000; i++) {
      expect(told.first(`click ${i}`)).toBe(true);
      expect(told.size).toBeLessThanOrEqual(MAX_KEYS);
    }
    now = 1;
    expect(told.first("click 24999")).toBe(false);
    // Past the window, old clicks make room before anything recent is forgotten.
    now = 10_000;
    for (let i = 0; i < MAX_KEYS; i++) told.first(`later ${i}`);
    expect(told.first("later 0")).toBe(false);
    expect(told.size).toBeLessThanOrEqual(MAX_KEYS);
  });
});
