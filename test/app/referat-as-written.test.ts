import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
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
import { concludedDiscussion as concludeWholeDiscussion, holdWholeDiscussion } from "../helpers/fixture.ts";
import { pdfText } from "../helpers/inspection-check.ts";

// What an inspector is handed of an older version must be that version, not today's data under its hash.
describe.each(DRIVERS)("a referat version as it was written, on $name", ({ open }) => {
  let db: Db;
  let t: TestCore;
  beforeAll(async () => {
    db = await open();
    t = testCore(db, new Date("2026-12-10T09:00:00Z"));
  });
  afterAll(async () => db?.close());
  // A test may move the clock on: each starts on the meeting's day.
  beforeEach(() => {
    t.clock.now = new Date("2026-12-10T09:00:00Z");
  });
  const concludedDiscussion = () => concludeWholeDiscussion(t.core);

  it("shows each version as it was written, whatever is done, postponed or amended later", async () => {
    const { employer, rep, discussion, workspace } = await concludedDiscussion();
    await t.core.approve(rep, { discussionId: discussion.id, version: 1 }, null);
    await t.core.approve(employer, { discussionId: discussion.id, version: 1 }, null);
    const v1 = await t.core.getSummary(employer, 2026);
    expect(v1.markdown).toContain("- Indkøb af lydabsorbenter (Åben)");
    expect(v1.markdown).toContain("ansvarlig: Søren Østergaard, frist: 1. maj 2027");

    // Through the year: the decision is carried out, the goal postponed, then the decision amended (version 2,
    // awaiting approval).
    const entries = await repos(db).entries.forDiscussion(workspace.id, discussion.id);
    const decision = entries.find((e) => e.kind === "decision")!;
    const goal = entries.find((e) => e.kind === "goal")!;
    await t.core.setEntryStatus(employer, { entryId: decision.id, status: "done" }, null);
    await t.core.postpone(employer, { entryId: goal.id, deadline: "2027-09-30" }, null);

    // Version 1 is shown as written in its PDF, with its own hash, before any amendment.
    const [, pdf] = (await t.core.exportYear(employer, 2026)).files;
    const text = await pdfText(pdf?.content as Uint8Array);
    expect(text).toContain("Indkøb af lydabsorbenter (Åben)");
    expect(text).not.toContain("Indkøb af lydabsorbenter (Gennemført)");
    expect(text).toContain("frist: 1. maj 2027");
    expect(text).not.toContain("30. september 2027");
    expect(text).toContain(`SHA-256 ${v1.sha256}`);

    await t.core.editEntry(
      employer,
      {
        entryId: decision.id,
        data: { ...decision.data, text: "Indkøb af lydabsorbenter og tæpper" },
        amend: true,
      },
      null,
    );
    expect((await t.core.getSummary(employer, 2026)).version).toBe(2);
    // The inspection folder gives the newest approved version in full: version 1, as it was approved.
    const [folderPdf] = await t.core.inspectionFiles(employer);
    const folderText = await pdfText(folderPdf?.content as Uint8Array);
    expect(folderText).toContain("Indkøb af lydabsorbenter (Åben)");
    expect(folderText).not.toContain("lydabsorbenter og tæpper (");
    expect(folderText).toContain("frist: 1. maj 2027");
  });

  it("gives a version's status as the discussion's now: a reopened discussion is under way again", async () => {
    const { employer, discussion } = await concludedDiscussion();
    const reopened = await t.core.reopen(
      employer,
      { discussionId: discussion.id, expectedVersion: discussion.version },
      null,
    );
    expect(reopened.status).toBe("running");
    const [md] = (await t.core.exportYear(employer, 2026)).files;
    expect(String(md?.content)).toContain("- **Status:** I gang");
    expect(String(md?.content)).not.toContain("- **Status:** Afsluttet");
  });

  /** The workspace set up anew: its headcount and roster as they are months after the meeting. */
  const setUpAgain = async (team: string, headcount: number, members: object[]) => {
    const ctx = await t.core.context("slack", team, EMPLOYER);
    const { workspace } = await t.core.setupWorkspace(
      ctx,
      {
        headcount,
        timeZone: "Europe/Copenhagen",
        language: "da",
        defaultChannel: "C_AMO",
        members: members as never,
      },
      null,
    );
    return { workspace, actor: EMPLOYER };
  };
  const member = (who: { userId: string; name: string }, role: string) => ({
    ...who,
    role,
    joinedAmoOn: null,
  });
  /** One "## " section of a referat's Markdown, heading included. */
  const section = (md: string, title: string) =>
    `## ${title}\n${md.split(`\n## ${title}\n`)[1]?.split("\n## ")[0]}`;
  /** Amends the decision recorded at point 8: the next version, written months later. */
  const amendDecision = async (ctx: Awaited<ReturnType<typeof setUpAgain>>, discussionId: string) => {
    const decision = (await repos(db).entries.forDiscussion(ctx.workspace.id, discussionId)).find(
      (e) => e.kind === "decision",
    )!;
    await t.core.editEntry(
      ctx,
      {
        entryId: decision.id,
        data: { ...decision.data, text: "Indkøb af lydabsorbenter og tæpper" },
        amend: true,
      },
      null,
    );
    return t.core.getSummary(ctx, 2026);
  };

  it("names in a later version who took part as the record states it, and checks it by the headcount then", async () => {
    const { team, discussion, employer } = await concludedDiscussion();
    const v1 = await t.core.getSummary(employer, 2026);
    expect(v1.markdown).toContain("- Søren Østergaard (Arbejdsleder)");

    // By March someone has left, someone joined, a role changed and the workplace has shrunk to 8.
    t.clock.now = new Date("2027-03-10T09:00:00Z");
    const later = await setUpAgain(team, 8, [
      member(EMPLOYER, "employer"),
      member(REPRESENTATIVE, "employee"),
      member({ userId: "U_NEW", name: "Jonas Berg" }, "employee"),
    ]);
    const v2 = await amendDecision(later, discussion.id);
    expect(v2.version).toBe(2);
    expect(v2.markdown).toContain("Indkøb af lydabsorbenter og tæpper");
    expect(section(v2.markdown, "Deltagere")).toBe(section(v1.markdown, "Deltagere"));
    expect(v2.markdown).not.toContain("Jonas Berg");
    expect(section(v2.markdown, "Tjek af lovkrav og god praksis")).toBe(
      section(v1.markdown, "Tjek af lovkrav og god praksis"),
    );
  });

  it("keeps the employer's stand-in as it was at the conclusion", async () => {
    const team = await setUpWorkspace(t.core);
    const ctx = await setUpAgain(team.team, 25, [
      member(EMPLOYER, "employer"),
      member(REPRESENTATIVE, "amo_representative"),
      member(LEADER, "employer_representative"),
    ]);
    await t.core.schedule(
      ctx,
      {
        date: "2026-12-10",
        time: "11:00",
        participants: [
          { id: REPRESENTATIVE.userId, name: REPRESENTATIVE.name, role: "amo_representative" },
          { id: LEADER.userId, name: LEADER.name, role: "employer_representative" },
        ],
      },
      null,
    );
    const { discussion: started } = await t.core.start(ctx, {}, null);
    const held = await holdWholeDiscussion(t.core, team, started);
    await t.core.conclude(ctx, { discussionId: held.id, expectedVersion: held.version }, null);
    const v1 = await t.core.getSummary(ctx, 2026);
    expect(v1.markdown).toContain("- Søren Østergaard (Arbejdsgiverens repræsentant)");
    expect(v1.markdown).toContain("Søren Østergaard deltog på arbejdsgiverens vegne");

    t.clock.now = new Date("2027-03-10T09:00:00Z");
    const later = await setUpAgain(team.team, 25, [
      member(EMPLOYER, "employer"),
      member(REPRESENTATIVE, "amo_representative"),
      member(LEADER, "work_leader"),
    ]);
    const v2 = await amendDecision(later, held.id);
    expect(v2.version).toBe(2);
    expect(section(v2.markdown, "Deltagere")).toBe(section(v1.markdown, "Deltagere"));
  });
});
