import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeUninstalled } from "../../src/app/data-protection.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { setUpWorkspace, type TestCore, testCore } from "../helpers/core.ts";
import { DRIVERS } from "../helpers/db.ts";
import { concludedDiscussion as concludeWholeDiscussion, holdWholeDiscussion } from "../helpers/fixture.ts";

const pdfText = async (content: Uint8Array | string) => {
  const parser = new PDFParse({ data: new Uint8Array(content as Uint8Array) });
  const { text } = await parser.getText();
  await parser.destroy();
  return text.replace(/\s+/g, " ");
};

describe.each(DRIVERS)("the written documentation on $name", ({ open }) => {
  let db: Db;
  let t: TestCore;
  beforeAll(async () => {
    db = await open();
    t = testCore(db, new Date("2026-12-10T09:00:00Z"));
  });
  afterAll(async () => db?.close());

  const concludedDiscussion = () => concludeWholeDiscussion(t.core);

  it("exports Markdown, a PDF an inspector can read, and the follow-up as CSV", async () => {
    const { employer, rep, discussion } = await concludedDiscussion();
    await t.core.approve(rep, { discussionId: discussion.id, version: 1 }, null);
    const [md, pdf, csv] = (await t.core.exportYear(employer, 2026)).files;
    expect(md?.name).toBe("arbejdsmiljødrøftelse-2026-v1.md");
    expect(String(md?.content)).toContain("## Dagsordenens punkter");
    // The stored, hashed text first; then the record as it stands now: status, approvals, versions with hashes.
    const record = String(md?.content);
    expect(record.startsWith((await t.core.getSummary(employer, 2026)).markdown)).toBe(true);
    expect(record).toContain("- **Medarbejdersiden:** Godkendt af Ali Nielsen (Arbejdsmiljørepræsentant)");

    expect(pdf?.mimeType).toBe("application/pdf");
    const text = await pdfText(pdf?.content as Uint8Array);
    const summary = await t.core.getSummary(employer, 2026);
    for (const expected of [
      "Referat af den årlige arbejdsmiljødrøftelse 2026",
      "Kontoret ApS · Årlig arbejdsmiljødrøftelse 2026",
      "side 1 af",
      "Arbejdsplads Kontoret ApS",
      "Holdt 10. december 2026 kl. 10.00",
      "Afsluttet 10. december 2026 kl. 10.00",
      "Kanal #arbejdsmiljø",
      "Referent Ali Nielsen",
      "Søren Østergaard (Arbejdsleder)",
      "Mødeinterval: Hvert kvartal",
      "Indkøb af lydabsorbenter",
      "succeskriterium: Under 55 dB målt i april",
      "supplerende uddannelse: Ali tager 2 dages supplerende uddannelse i foråret.",
      "Sådan følger vi op",
      "Næste årlige drøftelse senest 10. december 2027.",
      "BEK nr. 1838 af 14/12/2023",
      "Status og godkendelse Status Afsluttet",
      "Arbejdsgiversiden afventer godkendelse",
      "Medarbejdersiden Godkendt af Ali Nielsen (Arbejdsmiljørepræsentant)",
      `SHA-256 ${summary.sha256}`,
      "1 ulykke, 3 nærvedulykker",
    ]) {
      expect(text).toContain(expected);
    }

    const lines = String(csv?.content)
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("år;punkt;type;tekst;succeskriterium;ansvarlig;frist;status;gennemført");
    expect(lines).toContain(
      "2026;8;Mål;Mindre støj i storrummet;Under 55 dB målt i april;Søren Østergaard;2027-05-01;Åben;",
    );
    expect(lines).toContain("2026;8;Beslutning;Indkøb af lydabsorbenter;;Mette Hansen;2027-02-01;Åben;");
  });

  it("writes a new version with its own hash when something changes after concluding, and updates the pinned message", async () => {
    const { employer, discussion, workspace } = await concludedDiscussion();
    const v1 = await t.core.getSummary(employer, 2026);
    const posted = t.chat.sent.filter((s) => s.op === "post" && s.message?.kind === "summary");
    const ref = posted.at(-1)?.ref;
    const before = t.chat.sent.length;
    const decision = (await repos(db).entries.forDiscussion(workspace.id, discussion.id)).find(
      (e) => e.kind === "decision",
    );
    const change = {
      entryId: decision!.id,
      data: {
        text: "Indkøb af lydabsorbenter og tæpper",
        owner: { name: "Mette Hansen" },
        deadline: "2027-03-01",
      },
    };
    // A concluded record is not changed by a plain edit: only by a confirmed amendment.
    await expect(t.core.editEntry(employer, change, null)).rejects.toMatchObject({
      code: "refused",
      messageKey: "refusal.concluded_use_amend",
    });
    expect((await t.core.getSummary(employer, 2026)).version).toBe(1);
    await t.core.editEntry(employer, { ...change, amend: true }, null);
    const v2 = await t.core.getSummary(employer, 2026);
    expect(v2.version).toBe(2);
    expect(v2.sha256).not.toBe(v1.sha256);
    expect(v2.markdown).toContain("Indkøb af lydabsorbenter og tæpper");
    expect(v2.markdown).toContain("**Version:** 2");
    const versions = await t.core.listSummaryVersions(employer, discussion.id);
    expect(versions.map((v) => [v.version, v.sha256])).toEqual([
      [1, v1.sha256],
      [2, v2.sha256],
    ]);
    expect(versions[0]?.content).toContain("- Indkøb af lydabsorbenter (Åben)");
    const after = t.chat.sent.slice(before);
    expect(after.filter((s) => s.op === "post" && s.message?.kind === "summary")).toEqual([]);
    const update = after.find((s) => s.op === "update" && s.message?.kind === "summary");
    expect(update?.ref).toEqual(ref);
    expect(update?.message?.kind === "summary" && update.message.view.version).toBe(2);
    expect(after.some((s) => s.op === "file" && s.file?.name === "arbejdsmiljødrøftelse-2026-v2.md")).toBe(
      true,
    );
  });

  it("writes a new version for a note added after concluding, also when the note comes with an idempotency key", async () => {
    const { employer, discussion } = await concludedDiscussion();
    const v1 = await t.core.getSummary(employer, 2026);
    const input = {
      discussionId: discussion.id,
      point: 2,
      kind: "note",
      data: { text: "Tilføjet efter mødet" },
    };
    const note = () => t.core.record(employer, { ...input, amend: true }, `late-note-${discussion.id}`);
    await expect(t.core.record(employer, input, null)).rejects.toMatchObject({
      messageKey: "refusal.concluded_use_amend",
    });
    const before = t.chat.sent.length;
    const first = await note();
    expect((await note()).entry).toEqual(first.entry);
    const v2 = await t.core.getSummary(employer, 2026);
    expect(v2.version).toBe(v1.version + 1);
    expect(v2.markdown).toContain("Tilføjet efter mødet");
    // The channel is told once, however often the amendment is sent.
    const told = t.chat.sent
      .slice(before)
      .filter((s) => s.op === "post" && s.message?.kind === "text")
      .map((s) => (s.message?.kind === "text" ? s.message.view.text : ""));
    // No one had approved version 1 yet: everyone who may approve is asked.
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(
      /^Mette Hansen har tilføjet til referatet under punkt 2 \(Præsentation af nye medlemmer i AMO\)\. Referatet er nu version 2 og er ikke godkendt endnu\. (Mette Hansen og Ali Nielsen|Ali Nielsen og Mette Hansen): godkend venligst den nye version\.$/,
    );
  });

  it("posts a summary the platform refused at conclusion once the platform is back, and only once", async () => {
    const team = await setUpWorkspace(t.core);
    const { discussion: started } = await t.core.start(team.employer, {}, null);
    const discussion = await holdWholeDiscussion(t.core, team, started);
    t.chat.failNext = 100;
    const result = await t.core.conclude(
      team.employer,
      { discussionId: discussion.id, expectedVersion: discussion.version },
      null,
    );
    t.chat.failNext = 0;
    expect(result.concluded).toBe(true);
    const stored = await repos(db).summaries.latest(team.workspace.id, discussion.id);
    expect(stored?.message).toBeNull();
    const before = t.chat.sent.filter((s) => s.op === "post" && s.message?.kind === "summary").length;
    expect(await t.core.publishPending()).toBeGreaterThanOrEqual(1);
    expect(await t.core.publishPending()).toBe(0);
    const posts = t.chat.sent.filter((s) => s.op === "post" && s.message?.kind === "summary");
    expect(posts.length - before).toBe(1);
    expect((await repos(db).summaries.latest(team.workspace.id, discussion.id))?.message).not.toBeNull();
  });

  it("says plainly where the summary is kept when the platform cannot pin it", async () => {
    t.chat.canPin = false;
    try {
      await concludedDiscussion();
      const reply = t.chat.sent.filter((s) => s.op === "reply").at(-1);
      expect(reply?.message?.kind === "text" && reply.message.view.text).toBe(
        "Referatet (version 1) er gemt. Det ligger her i kanalen, og /arbejdsmiljø referat henter det altid igen.",
      );
    } finally {
      t.chat.canPin = true;
    }
  });

  it("is approved by both sides, and needs approval again after a change", async () => {
    const { employer, rep, leader, discussion, workspace } = await concludedDiscussion();
    await expect(
      t.core.approve(leader, { discussionId: discussion.id, version: 1 }, null),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await t.core.approve(rep, { discussionId: discussion.id, version: 1 }, null)).toEqual({
      version: 1,
      approved: false,
    });
    expect(await t.core.approve(employer, { discussionId: discussion.id, version: 1 }, "approve-1")).toEqual({
      version: 1,
      approved: true,
    });
    expect(await t.core.approve(employer, { discussionId: discussion.id, version: 1 }, "approve-1")).toEqual({
      version: 1,
      approved: true,
    });
    expect((await repos(db).discussions.get(workspace.id, discussion.id))?.status).toBe("approved");
    const view = await t.core.getSummary(employer, 2026);
    expect(view.approved).toBe(true);
    expect(view.approvals.map((a) => [a.name, a.role]).sort()).toEqual([
      ["Ali Nielsen", "amo_representative"],
      ["Mette Hansen", "employer"],
    ]);
    const shown = t.chat.sent.filter((s) => s.op === "update" && s.message?.kind === "summary").at(-1);
    expect(shown?.message?.kind === "summary" && shown.message.view.approved).toBe(true);

    await t.core.record(
      employer,
      {
        discussionId: discussion.id,
        point: 11,
        kind: "note",
        data: { text: "Tilføjet efter mødet" },
        amend: true,
      },
      null,
    );
    expect((await repos(db).discussions.get(workspace.id, discussion.id))?.status).toBe("concluded");
    // Those who approved version 1 are asked by name to approve version 2.
    const asked = t.chat.sent.filter((s) => s.op === "post" && s.message?.kind === "text").at(-1);
    expect(asked?.message?.kind === "text" && asked.message.view.text).toMatch(
      /Referatet er nu version 2 og er ikke godkendt endnu\. (Ali Nielsen og Mette Hansen|Mette Hansen og Ali Nielsen): godkend venligst den nye version\.$/,
    );
    const v2 = await t.core.getSummary(employer, 2026);
    expect(v2.version).toBe(2);
    expect(v2.approvals).toEqual([]);
    expect(v2.approved).toBe(false);
    await expect(
      t.core.approve(rep, { discussionId: discussion.id, version: 1 }, null),
    ).rejects.toMatchObject({ code: "stale" });
  });

  it("shows last year's goals and how they stand in this year's summary", async () => {
    const team = await setUpWorkspace(t.core);
    t.clock.now = new Date("2025-12-01T09:00:00Z");
    const { discussion: last } = await t.core.start(team.employer, {}, null);
    const goal = await t.core.record(
      team.employer,
      {
        discussionId: last.id,
        point: 8,
        kind: "goal",
        data: {
          text: "Alle skærme indstillet",
          successCriterion: "Tjekliste udfyldt for alle",
          deadline: "2026-06-30",
        },
      },
      null,
    );
    const other = await t.core.record(
      team.employer,
      {
        discussionId: last.id,
        point: 8,
        kind: "goal",
        data: { text: "Færre klager over kulde", successCriterion: "Under 3 klager", deadline: "2026-03-31" },
      },
      null,
    );
    const lastNow = (await repos(db).discussions.get(team.workspace.id, last.id))!;
    await t.core.conclude(
      team.employer,
      { discussionId: last.id, expectedVersion: lastNow.version, overrideReason: "Kort møde" },
      null,
    );
    await t.core.setEntryStatus(team.employer, { entryId: goal.entry.id, status: "done" }, null);

    t.clock.now = new Date("2026-12-10T09:00:00Z");
    const { discussion } = await t.core.start(team.employer, {}, null);
    await t.core.record(
      team.employer,
      {
        discussionId: discussion.id,
        point: 7,
        kind: "goal_verdict",
        data: {
          goalId: other.entry.id,
          goalText: "Færre klager over kulde",
          verdict: "not_reached",
          reason: "Radiatorerne blev ikke skiftet",
          carryOn: true,
        },
      },
      null,
    );
    const now = (await repos(db).discussions.get(team.workspace.id, discussion.id))!;
    await t.core.conclude(
      team.employer,
      { discussionId: discussion.id, expectedVersion: now.version, overrideReason: "Test" },
      null,
    );
    const md = (await t.core.getSummary(team.employer, 2026)).markdown;
    expect(md).toContain("### Status på sidste års mål");
    expect(md).toContain("- Alle skærme indstillet: ikke vurderet, gennemført i årets løb");
    expect(md).toContain("- Færre klager over kulde: ikke nået");
  });

  it("exports all the workspace's data, and deletes it only with the confirmation code", async () => {
    const { employer, rep, workspace, discussion } = await concludedDiscussion();
    await expect(t.core.exportWorkspaceData(rep)).rejects.toMatchObject({ code: "forbidden" });
    const file = await t.core.exportWorkspaceData(employer);
    const data = JSON.parse(String(file.content));
    expect(data.workspace.id).toBe(workspace.id);
    expect(data.entries.length).toBeGreaterThan(10);
    expect(data.summaries[0].sha256).toMatch(/^[0-9a-f]{64}$/);

    await expect(t.core.requestDeletion(rep)).rejects.toMatchObject({ code: "forbidden" });
    const { code } = await t.core.requestDeletion(employer);
    await expect(t.core.confirmDeletion(employer, "WRONG1")).rejects.toMatchObject({ code: "invalid" });
    expect(await repos(db).discussions.get(workspace.id, discussion.id)).not.toBeNull();
    await t.core.confirmDeletion(employer, code);
    expect(await repos(db).workspaces.get(workspace.id)).toBeNull();
    expect(await db.query("SELECT 1 FROM entries WHERE workspace_id = $1", [workspace.id])).toEqual([]);
  });

  it("deletes an uninstalled workspace's data after the retention period, not before", async () => {
    const { workspace, team } = { ...(await concludedDiscussion()) };
    await t.core.markUninstalled("slack", team);
    await db.query("UPDATE workspaces SET uninstalled_at = $2 WHERE id = $1", [
      workspace.id,
      new Date("2026-12-10T09:00:00Z"),
    ]);
    expect(await purgeUninstalled(repos(db), new Date("2027-03-01T09:00:00Z"))).toBe(0);
    expect(await repos(db).workspaces.get(workspace.id)).not.toBeNull();
    await purgeUninstalled(repos(db), new Date("2027-03-11T09:00:00Z"));
    expect(await repos(db).workspaces.get(workspace.id)).toBeNull();
  });
});
