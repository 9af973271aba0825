import { describe, expect, it } from "vitest";
import { Gatherer } from "../../src/store/gather.ts";

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
    const failing = ["a", "bad", "c"].map((i) =>
      gatherer.run(i).then(
        (v) => v,
        (e: Error) => e.message,
      ),
    );
    await first;
    await new Promise((r) => setTimeout(r, 20));
    // A request arriving while the failed batch's items are retried goes at once, not after the retries.
    const later = await gatherer.run("later");
    expect(later).toBe("ok later");
    releaseRetries();
    expect(await Promise.all(failing)).toEqual(["ok a", "bad alone", "ok c"]);
    expect(statements).toEqual([["first"], ["a", "bad", "c"], ["a"], ["later"], ["bad"], ["c"]]);
  });
});
