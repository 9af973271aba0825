import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/app/context.ts";
import { languageOf } from "../../src/app/index.ts";
import { Dispatcher } from "../../src/scheduler/dispatcher.ts";
import { storePort } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { setUpWorkspace, testCore } from "../helpers/core.ts";
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

  it("sends a training reminder to the member in their remembered language, and to the channel in the workspace's", async () => {
    const t = testCore(db);
    const { team, employer } = await setUpWorkspace(t.core);
    await db.query("UPDATE reminders SET status = 'cancelled' WHERE status = 'pending'");
    // The new member's client once said en-GB: remembered for messages sent with no request in hand.
    await t.core.context("slack", team, { userId: "U_NEW", name: "Birgitte Holm", locale: "en-GB" });
    const { discussion } = await t.core.start(employer, {}, null);
    const person = { id: "U_NEW", name: "Birgitte Holm" };
    await t.core.record(
      employer,
      {
        discussionId: discussion.id,
        point: 2,
        kind: "amo_member",
        data: { person, role: "amo_representative", joinedOn: "2026-11-02" },
      },
      null,
    );
    t.clock.now = new Date("2026-12-02T08:01:00Z");
    const deps = { store: storePort(db), chatFor: () => t.chat, now: () => t.clock.now, log: silentLogger };
    await new Dispatcher(deps, { channelSpacingMs: 0 }).drain();
    const sent = (op: string) =>
      t.chat.sent
        .filter((m) => m.op === op && m.message?.kind === "text")
        .map((m) => (m.message?.kind === "text" ? m.message.view.text : ""))
        .filter((text) => text.includes("AMO"));
    expect(sent("post")).toEqual([expect.stringContaining("blev medlem af AMO 2. november 2026")]);
    expect(sent("direct")).toEqual([expect.stringContaining("joined the AMO on 2 November 2026")]);
  });
});
