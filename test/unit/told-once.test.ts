import { describe, expect, it } from "vitest";
import { MAX_KEYS, toldOnce } from "../../adapters/slack/told-once.ts";

describe("a notice told once per click", () => {
  it("tells the first of repeated clicks, and again once the window has passed", () => {
    let now = 0;
    const told = toldOnce(
      5_000,
      () => now,
      () => 0,
    );
    expect(told.first("T1 C1 U1 point_next v3")).toBe(true);
    now = 300;
    expect(told.first("T1 C1 U1 point_next v3")).toBe(false);
    expect(told.first("T1 C1 U2 point_next v3")).toBe(true);
    now = 5_300;
    expect(told.first("T1 C1 U1 point_next v3")).toBe(true);
  });

  it("keeps each notice for one to two windows, so notices given together do not all come due together", () => {
    let now = 0;
    let draw = 0;
    // Ten people told at the same moment, their windows drawn 0.0, 0.1, ... 0.9 of a window past the first.
    const told = toldOnce(
      5_000,
      () => now,
      () => (draw++ % 10) / 10,
    );
    const people = Array.from({ length: 10 }, (_, i) => `T1 C1 U${i} point_next v3`);
    for (const key of people) expect(told.first(key)).toBe(true);
    const dueAgain = (at: number) => {
      now = at;
      return people.filter((key) => told.first(key)).length;
    };
    expect(dueAgain(4_999)).toBe(0);
    expect(dueAgain(5_000)).toBe(1);
    expect(dueAgain(6_200)).toBe(2);
    expect(dueAgain(7_600)).toBe(3);
    // The last was kept for 9.5 s.
    expect(dueAgain(9_499)).toBe(3);
    expect(dueAgain(9_500)).toBe(1);
  });

  it("stays bounded under many different clicks and still remembers the latest", () => {
    let now = 0;
    const told = toldOnce(
      5_000,
      () => now,
      () => 0,
    );
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
