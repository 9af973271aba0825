import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formSpec } from "../../src/app/forms.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import {
  EMPLOYER,
  LEADER,
  REPRESENTATIVE,
  setUpWorkspace,
  type TestCore,
  testCore,
} from "../helpers/core.ts";
import { DRIVERS } from "../helpers/db.ts";
import { holdWholeDiscussion } from "../helpers/fixture.ts";
import { pdfText } from "../helpers/inspection-check.ts";

const GUEST = { name: "Gæst Jensen" };
const EVERYONE = [
  { id: EMPLOYER.userId, name: EMPLOYER.name, role: "employer" as const },
  { id: REPRESENTATIVE.userId, name: REPRESENTATIVE.name, role: "amo_representative" as const },
  { id: LEADER.userId, name: LEADER.name, role: "work_leader" as const },
];

describe.each(DRIVERS)("who was present, recorded at point 1, on $name", ({ open }) => {
  let db: Db;
  let t: TestCore;
  beforeAll(async () => {
    db = await open();
    t = testCore(db);
  });
  afterAll(async () => db?.close());

  /** A discussion planned with `plan`, held through, with `attendees` recorded at point 1 last; then concluded. */
  async function heldWith(
    plan: Record<string, unknown>,
    attendees: { id?: string; name: string }[] | null,
    headcount?: number,
  ) {
    t.clock.now = new Date("2026-12-01T09:00:00Z");
    const team = await setUpWorkspace(t.core, headcount);
    await t.core.schedule(team.employer, { date: "2026-12-10", time: "10:00", ...plan }, null);
    t.clock.now = new Date("2026-12-10T09:00:00Z");
    const { discussion: started } = await t.core.start(team.employer, {}, null);
    const form = formSpec(
      "minute_taker",
      await t.core.formContext(team.employer, started.id, "minute_taker"),
    );
    const held = await holdWholeDiscussion(t.core, team, started);
    if (attendees)
      await t.core.record(
        team.employer,
        {
          discussionId: held.id,
          point: 1,
          kind: "minute_taker",
          data: { person: { id: REPRESENTATIVE.userId, name: REPRESENTATIVE.name }, attendees },
        },
        null,
      );
    const now = await repos(db).discussions.get(team.workspace.id, held.id);
    const concluded = await t.core.conclude(
      team.employer,
      { discussionId: held.id, expectedVersion: now?.version ?? 0, overrideReason: "Test" },
      null,
    );
    expect(concluded.concluded).toBe(true);
    const { markdown } = await t.core.getSummary(team.employer, 2026);
    return { form, markdown, team, discussionId: held.id };
  }

  it("suggests those invited, and names who was present and who was invited but absent", async () => {
    const present = [
      { id: EMPLOYER.userId, name: EMPLOYER.name },
      { id: REPRESENTATIVE.userId, name: REPRESENTATIVE.name },
      GUEST,
    ];
    const { form, markdown, team, discussionId } = await heldWith({ participants: EVERYONE }, present);
    const field = form.fields.find((f) => f.id === "attendees");
    expect(field).toMatchObject({
      type: "people",
      suggested: EVERYONE.map(({ id, name }) => ({ id, name })),
    });
    expect(markdown).toContain(`- ${EMPLOYER.name} (Arbejdsgiver)`);
    expect(markdown).toContain(`- ${REPRESENTATIVE.name} (Arbejdsmiljørepræsentant)`);
    expect(markdown).toContain(`- ${GUEST.name} (Deltager)`);
    expect(markdown).not.toContain(`- ${LEADER.name} (Arbejdsleder)`);
    expect(markdown).toContain(`Indkaldt, men ikke til stede: ${LEADER.name} (Arbejdsleder).`);
    expect(markdown).not.toContain("Hverken arbejdsgiveren");
    const kept = await repos(db).discussions.get(team.workspace.id, discussionId);
    expect(kept?.recordPeople?.absent).toEqual([{ name: LEADER.name, role: "work_leader" }]);
  });

  it("does not count a planned stand-in who was absent: the referat says no one decided for the employer", async () => {
    const { markdown } = await heldWith(
      { participants: EVERYONE.slice(1), standIn: { id: LEADER.userId, name: LEADER.name } },
      [{ id: REPRESENTATIVE.userId, name: REPRESENTATIVE.name }],
    );
    expect(markdown).not.toContain("deltog på arbejdsgiverens vegne");
    expect(markdown).toContain(
      "Hverken arbejdsgiveren eller en, der kunne træffe beslutninger på arbejdsgiverens vegne, står blandt deltagerne.",
    );
    expect(markdown).toContain(`Indkaldt, men ikke til stede: ${LEADER.name} (Arbejdsleder).`);
  });

  it("follows an amended attendance in the next version, keeping the roles kept at the conclusion", async () => {
    const present = [{ id: REPRESENTATIVE.userId, name: REPRESENTATIVE.name }];
    const { team, discussionId } = await heldWith({ participants: EVERYONE }, present);
    // The leader's role changes after the meeting; the amendment says the leader was there after all.
    await repos(db).members.upsert(team.workspace.id, {
      userId: LEADER.userId,
      name: LEADER.name,
      role: "employee",
      joinedAmoOn: null,
    });
    await t.core.record(
      team.employer,
      {
        discussionId,
        point: 1,
        kind: "minute_taker",
        data: { person: present[0], attendees: [...present, { id: LEADER.userId, name: LEADER.name }] },
        amend: true,
      },
      null,
    );
    const { markdown } = await t.core.getSummary(team.employer, 2026);
    expect(markdown).toContain(`- ${LEADER.name} (Arbejdsleder)`);
    expect(markdown).toContain(`Indkaldt, men ikke til stede: ${EMPLOYER.name} (Arbejdsgiver).`);
    expect(markdown).not.toContain(`${LEADER.name} (Arbejdsleder).`);
  });

  it("names no one absent where the plan invited no one in particular", async () => {
    const { markdown } = await heldWith({}, [{ id: EMPLOYER.userId, name: EMPLOYER.name }]);
    expect(markdown).toContain(`- ${EMPLOYER.name} (Arbejdsgiver)`);
    expect(markdown).not.toContain("Indkaldt, men ikke til stede");
  });

  it("lists those present in a small workplace's inspection folder, where it has no AMO to list", async () => {
    const { team } = await heldWith(
      { participants: EVERYONE },
      [{ id: EMPLOYER.userId, name: EMPLOYER.name }],
      6,
    );
    const [pdf] = await t.core.inspectionFiles(team.employer);
    const text = await pdfText(pdf?.content as Uint8Array);
    const section = text.slice(
      text.indexOf("Deltagere i drøftelsen"),
      text.indexOf("Arbejdspladsvurdering (APV)"),
    );
    expect(section).toContain(`${EMPLOYER.name} Arbejdsgiver`);
    expect(section).not.toContain(LEADER.name);
  });

  it("keeps the plan's participants where point 1 says nothing of who was present", async () => {
    const { markdown } = await heldWith({ participants: EVERYONE }, null);
    for (const p of EVERYONE) expect(markdown).toContain(`- ${p.name} (`);
    expect(markdown).not.toContain("Indkaldt, men ikke til stede");
  });
});
