import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/app/context.ts";
import { createCore, parseKey } from "../../src/app/index.ts";
import { storePort } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { DRIVERS, uniqueId } from "../helpers/db.ts";

const KEY = parseKey("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");

/** A platform's secrets kept through the core: sealed at rest, per platform, replaced and forgotten by name. */
describe.each(DRIVERS)("credentials on $name", ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => db?.close());

  const coreWith = (sealingKey: Buffer | null) =>
    createCore({
      store: storePort(db),
      chatFor: () => {
        throw new Error("no chat in this test");
      },
      now: () => new Date(),
      log: silentLogger,
      sealingKey,
    });
  const storedRow = (platform: string, name: string) =>
    db.query<{ sealed: string }>("SELECT sealed FROM credentials WHERE platform = $1 AND name = $2", [
      platform,
      name,
    ]);

  it("keeps a secret sealed, gives it back, replaces it and forgets it", async () => {
    const core = coreWith(KEY);
    const name = `T:${uniqueId()}`;
    await core.credentials.save("slack", name, '{"bot":{"token":"xoxb-first"}}');
    const [row] = await storedRow("slack", name);
    expect(row?.sealed).toMatch(/^v1:/);
    expect(row?.sealed).not.toContain("xoxb");
    expect(await core.credentials.load("slack", name)).toBe('{"bot":{"token":"xoxb-first"}}');
    await core.credentials.save("slack", name, '{"bot":{"token":"xoxb-second"}}');
    expect(await core.credentials.load("slack", name)).toBe('{"bot":{"token":"xoxb-second"}}');
    expect(await storedRow("slack", name)).toHaveLength(1);
    await core.credentials.remove("slack", name);
    expect(await core.credentials.load("slack", name)).toBeNull();
  });

  it("keeps each platform's names apart", async () => {
    const core = coreWith(KEY);
    const name = `T:${uniqueId()}`;
    await core.credentials.save("slack", name, "slack secret");
    expect(await core.credentials.load("another-platform", name)).toBeNull();
    await core.credentials.remove("another-platform", name);
    expect(await core.credentials.load("slack", name)).toBe("slack secret");
  });

  it("lists the names that begin with a prefix, of that platform only, and a % or _ in the prefix as itself", async () => {
    const core = coreWith(KEY);
    const run = uniqueId("R");
    for (const name of [`O:${run}a`, `O:${run}b`, `T:${run}c`])
      await core.credentials.save("slack", name, "x");
    await core.credentials.save("another-platform", `O:${run}d`, "x");
    await core.credentials.save("slack", `O_${run}e`, "x");
    expect(await core.credentials.names("slack", `O:${run}`)).toEqual([`O:${run}a`, `O:${run}b`]);
    expect(await core.credentials.names("slack", `O_${run}`)).toEqual([`O_${run}e`]);
    expect(await core.credentials.names("slack", `O_${run.slice(0, -1)}_`)).toEqual([]);
    expect(await core.credentials.names("slack", "%")).toEqual([]);
  });

  it("stores nothing without TOKEN_ENCRYPTION_KEY, and reads nothing sealed with another key", async () => {
    const name = `T:${uniqueId()}`;
    await expect(coreWith(null).credentials.save("slack", name, "secret")).rejects.toThrow(
      "TOKEN_ENCRYPTION_KEY is not set",
    );
    expect(await storedRow("slack", name)).toEqual([]);
    await coreWith(KEY).credentials.save("slack", name, "secret");
    const otherKey = parseKey("f".repeat(64));
    await expect(coreWith(otherKey).credentials.load("slack", name)).rejects.toThrow();
  });
});
