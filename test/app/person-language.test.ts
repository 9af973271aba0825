import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { languageOf } from "../../src/app/index.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { testCore } from "../helpers/core.ts";
import { DRIVERS, uniqueId } from "../helpers/db.ts";

/** A person's own language: remembered per workspace, asked of the platform again once a day, on every driver. */
describe.each(DRIVERS)("each person's language on $name", ({ open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => db?.close());

  it("asks the platform for a missing or day-old locale only, and remembers what it said", async () => {
    const { core, clock } = testCore(db);
    const team = uniqueId();
    let locale = "en-US";
    let asked = 0;
    const actor = {
      userId: "U_ANNA",
      name: "Anna",
      lookUpLocale: async () => {
        asked++;
        return locale;
      },
    };
    const first = await core.context("slack", team, actor);
    expect(first.workspace.language).toBe("da");
    expect(languageOf(first)).toBe("en");
    // In the channel, for everyone, the workspace's language.
    expect(languageOf({ ...first, place: { conversation: "C1", private: false } })).toBe("da");
    expect(asked).toBe(1);

    locale = "da-DK";
    clock.now = new Date(clock.now.getTime() + 23 * 3_600_000);
    expect(languageOf(await core.context("slack", team, actor))).toBe("en");
    expect(asked).toBe(1);

    clock.now = new Date(clock.now.getTime() + 2 * 3_600_000);
    expect(languageOf(await core.context("slack", team, actor))).toBe("da");
    expect(asked).toBe(2);
    const stored = await repos(db).people.language(first.workspace.id, "U_ANNA");
    expect(stored).toEqual({ language: "da", checkedAt: clock.now });

    // A locale the bot does not speak is remembered as none: the workspace's language, and no new question.
    locale = "de-DE";
    const other = { ...actor, userId: "U_BO" };
    expect(languageOf(await core.context("slack", team, other))).toBe("da");
    expect(languageOf(await core.context("slack", team, other))).toBe("da");
    expect(asked).toBe(3);
  });

  it("takes the request's own locale and keeps it per workspace", async () => {
    const { core } = testCore(db);
    const [one, two] = [uniqueId(), uniqueId()];
    const inOne = await core.context("teams", one, { userId: "aad-1", name: "Kim", locale: "en-GB" });
    expect(languageOf(inOne)).toBe("en");
    const inTwo = await core.context("teams", two, { userId: "aad-1", name: "Kim" });
    expect(languageOf(inTwo)).toBe("da");
    // Later, with no locale in hand (a message from the scheduler's side), the remembered one.
    expect(languageOf(await core.context("teams", one, { userId: "aad-1", name: "Kim" }))).toBe("en");
    await core.context("teams", one, { userId: "aad-1", name: "Kim", locale: "da-DK" });
    expect((await repos(db).people.language(inOne.workspace.id, "aad-1"))?.language).toBe("da");
  });
});
