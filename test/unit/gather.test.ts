import { describe, expect, it } from "vitest";
import { Gatherer } from "../../src/store/gather.ts";

/** The promise's outcome, or "still waiting" after `ms`: a regression fails here at once instead of hanging. */
const within = <T>(promise: Promise<T>, ms = 2_000) =>
  Promise.race([promise, new Promise<string>((r) => setTimeout(() => r("still waiting"), ms))]);

const settled = (p: Promise<string>) =>
  p.then(
    (v) => v,
    (e: Error) => e.message,
  );

describe("requests gathered into shared statements", () => {
  it("retries a failed batch item by item beside the batches that follow, each item with its own outcome", async () => {
    const statements: string[][] = [];
    let releaseRetries = () => {};
    const retriesHeld = new Promise<void>((resolve) => {
      releaseRetries = resolve;
    });
    // A batch with "bad" in it fails; tried alone, "bad" fails and the others pass once the retries are let go.
    const gatherer = new Gatherer<string, string>(
      async (items) => {
        statements.push(items);
        await new Promise((r) => setTimeout(r, 5));
        if (items.length > 1 && items.includes("bad")) throw new Error("batch failed");
        if (items.length === 1 && ["a", "bad", "c"].includes(items[0] as string)) await retriesHeld;
        if (items[0] === "bad") throw new Error("bad alone");
        return items.map((i) => `ok ${i}`);
      },
      { maxStatements: 1, maxItems: 64 },
    );
    const first = gatherer.run("first");
    // These three wait for the first statement and go together; their batch fails.
    const failing = ["a", "bad", "c"].map((i) => settled(gatherer.run(i)));
    await first;
    await new Promise((r) => setTimeout(r, 20));
    // A request arriving while the failed batch's items are retried goes at once, not after the retries.
    try {
      expect(await within(gatherer.run("later"))).toBe("ok later");
    } finally {
      releaseRetries();
    }
    expect(await Promise.all(failing)).toEqual(["ok a", "bad alone", "ok c"]);
    expect(statements).toEqual([["first"], ["a", "bad", "c"], ["a"], ["later"], ["bad"], ["c"]]);
  });

  it("keeps to one retry at a time however many batches fail", async () => {
    let now = 0;
    let most = 0;
    // Every shared statement fails (a database in trouble); alone, each item passes.
    const gatherer = new Gatherer<number, number>(
      async (items) => {
        most = Math.max(most, ++now);
        await new Promise((r) => setTimeout(r, 2));
        now--;
        if (items.length > 1) throw new Error("batch failed");
        return items;
      },
      { maxStatements: 1, maxItems: 4 },
    );
    const all: Promise<number>[] = [];
    for (let wave = 0; wave < 5; wave++) {
      for (let i = 0; i < 12; i++) all.push(gatherer.run(wave * 12 + i));
      await new Promise((r) => setTimeout(r, 3));
    }
    expect(await within(Promise.all(all), 10_000)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    // One shared statement and one retry under way at most.
    expect(most).toBeLessThanOrEqual(2);
  });

  it("answers a statement that throws instead of returning a promise, and goes on", async () => {
    const gatherer = new Gatherer<string, string>(
      (items) => {
        if (items.includes("boom")) throw new Error("thrown at once");
        return Promise.resolve(items.map((i) => `ok ${i}`));
      },
      { maxStatements: 1, maxItems: 64 },
    );
    expect(await within(settled(gatherer.run("boom")))).toBe("thrown at once");
    expect(await within(gatherer.run("after"))).toBe("ok after");
  });
});
