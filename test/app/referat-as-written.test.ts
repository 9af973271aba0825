import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { type TestCore, testCore } from "../helpers/core.ts";
import { DRIVERS } from "../helpers/db.ts";
import { concludedDiscussion as concludeWholeDiscussion } from "../helpers/fixture.ts";
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
    const [, pdf] = await t.core.exportYear(employer, 2026);
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
    const [md] = await t.core.exportYear(employer, 2026);
    expect(String(md?.content)).toContain("- **Status:** I gang");
    expect(String(md?.content)).not.toContain("- **Status:** Afsluttet");
  });
});
