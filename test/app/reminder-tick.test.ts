import { describe, expect, it } from "vitest";
import { type Logger, silentLogger } from "../../src/app/context.ts";
import { Dispatcher } from "../../src/scheduler/dispatcher.ts";
import { storePort } from "../../src/server.ts";
import { openPglite } from "../../src/store/drivers/pglite.ts";
import { RecordingChat } from "../helpers/recording-chat.ts";

describe("a reminder tick without a database", () => {
  it("logs and carries on, from a direct call and from its timer, with no unhandled rejection", async () => {
    const gone = await openPglite();
    await gone.close();
    const errors: string[] = [];
    const log: Logger = { ...silentLogger, error: (message) => errors.push(message) };
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", listener);
    const d = new Dispatcher(
      { store: storePort(gone), chatFor: () => new RecordingChat(), now: () => new Date(), log },
      { cronExpression: "* * * * * *" },
    );
    try {
      await expect(d.tick()).resolves.toBeUndefined();
      expect(errors).toEqual(["reminder tick failed; the next tick tries again"]);
      d.start();
      // Two ticks of the timer (every second), each failing as the first did.
      for (let i = 0; i < 50 && errors.length < 3; i++) await new Promise((r) => setTimeout(r, 100));
      expect(errors).toEqual(Array(3).fill("reminder tick failed; the next tick tries again"));
      expect(unhandled).toEqual([]);
    } finally {
      await d.stop();
      process.off("unhandledRejection", listener);
    }
  });
});
