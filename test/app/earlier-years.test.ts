import { writeFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/store/db.ts";
import { EMPLOYER, REPRESENTATIVE, setUpWorkspace, type TestCore, testCore } from "../helpers/core.ts";
import { DRIVERS } from "../helpers/db.ts";
import { pdfText } from "../helpers/inspection-check.ts";
import { holdYears } from "../helpers/years.ts";

const people = { employer: EMPLOYER, rep: REPRESENTATIVE };

/** Earlier years beside this one: point 6's figures, and a skipped year that this discussion carries on from. */
describe.each(DRIVERS)("earlier years at the points and in the referat on $name", ({ open }) => {
  let db: Db;
  let t: TestCore;
  beforeAll(async () => {
    db = await open();
    t = testCore(db, new Date("2026-11-20T09:00:00Z"));
  });
  afterAll(async () => db?.close());

  it("shows the years before at point 6, says at point 7 that a year was skipped, and writes both down", async () => {
    const team = await setUpWorkspace(t.core);
    await holdYears(db, team.workspace, people, [
      { at: "2023-11-20T09:00:00Z", accidents: 2, nearMisses: 5 },
    ]);
    // 2024: figures and three decisions: one done by its deadline, one by a moved one, one still open; 2025 planned but never held.
    const ctx = { workspace: team.workspace, actor: EMPLOYER };
    t.clock.now = new Date("2024-11-20T09:00:00Z");
    const held = (await t.core.start(ctx, {}, null)).discussion;
    const rec = (point: number, kind: string, data: unknown) =>
      t.core.record(ctx, { discussionId: held.id, point, kind, data }, null);
    await rec(6, "accident_overview", {
      accidents: 1,
      nearMisses: 4,
      poisonings: 0,
      healthDamage: 1,
      causesInvestigated: "yes",
      preventionWorked: "partly",
    });
    const owner = { id: REPRESENTATIVE.userId, name: REPRESENTATIVE.name };
    const done = await rec(8, "decision", { text: "Nye kontorstole", owner, deadline: "2025-01-31" });
    await rec(8, "decision", { text: "Støjdæmpning i kantinen", owner, deadline: "2025-06-30" });
    const light = await rec(8, "decision", {
      text: "Bedre lys ved vinduerne",
      owner,
      deadline: "2025-02-28",
    });
    const before = await t.core.pointView(ctx, held.id, 8);
    await t.core.conclude(
      ctx,
      { discussionId: held.id, expectedVersion: before?.version ?? 0, overrideReason: "Holdt på mødet" },
      null,
    );
    t.clock.now = new Date("2025-01-10T09:00:00Z");
    await t.core.setEntryStatus(ctx, { entryId: done.entry.id, status: "done" }, null);
    const later = (await t.core.pointView(ctx, held.id, 8))?.entries.find((e) =>
      e.described.text.includes("Støj"),
    );
    await t.core.postpone(ctx, { entryId: later?.id as string, deadline: "2025-09-30" }, null);
    // Done by its postponed deadline, not by the one first agreed: counted apart at point 7.
    await t.core.postpone(ctx, { entryId: light.entry.id, deadline: "2025-04-30" }, null);
    t.clock.now = new Date("2025-04-01T09:00:00Z");
    await t.core.setEntryStatus(ctx, { entryId: light.entry.id, status: "done" }, null);
    t.clock.now = new Date("2025-10-01T09:00:00Z");
    await t.core.schedule(ctx, { date: "2025-11-20", time: "10:00", channel: "C_AMO" }, null);
    t.clock.now = new Date("2026-11-20T09:00:00Z");
    const { discussion } = await t.core.start(ctx, {}, null);

    const six = await t.core.pointView(ctx, discussion.id, 6);
    expect(six?.earlier).toEqual([
      "Tidligere år:",
      "2024: 1 ulykke, 4 nærvedulykker, 0 forgiftninger, 1 sundhedsskade",
      "2023: 2 ulykker, 5 nærvedulykker, 0 forgiftninger, 1 sundhedsskade",
    ]);
    const seven = await t.core.pointView(ctx, discussion.id, 7);
    // 2025 was planned, never held: the bot says it has no record of a discussion held, not that none was.
    expect(seven?.earlier?.[0]).toBe(
      "Den seneste årlige drøftelse, der er registreret her, blev holdt i 2024. For året 2025 er der ingen afholdt drøftelse registreret. Målene og beslutningerne herunder er fra 2024.",
    );
    expect(seven?.earlier?.[1]).toBe(
      "Af de 3 beslutninger fra 2024 blev 1 gennemført inden den frist, der først blev aftalt, og 1 inden en udskudt frist.",
    );
    const english = { ...ctx, workspace: { ...team.workspace, language: "en" as const } };
    expect((await t.core.pointView(english, discussion.id, 7))?.earlier?.[1]).toBe(
      "Of the 3 decisions from 2024, 1 was done by the deadline first agreed and 1 by a postponed one.",
    );
    const eight = await t.core.pointView(ctx, discussion.id, 8);
    expect(eight?.earlier?.[0]).toBe("Stadig åbne fra tidligere år:");
    expect(eight?.earlier?.slice(1).join("\n")).toContain("2024 · Beslutning: Støjdæmpning i kantinen");
    expect(eight?.earlier?.slice(1).join("\n")).toContain(
      "Frist: 30. september 2025 (først aftalt til 30. juni 2025, udskudt 1 gang) · fristen er passeret",
    );
    expect(eight?.earlier?.join("\n")).not.toContain("Nye kontorstole");
    expect(seven?.firstYear).toBeUndefined();
    expect((await t.core.pointView(ctx, discussion.id, 5))?.earlier).toBeUndefined();

    await t.core.conclude(
      ctx,
      { discussionId: discussion.id, expectedVersion: discussion.version, overrideReason: "Prøve" },
      null,
    );
    const { markdown } = await t.core.getSummary(ctx, 2026);
    expect(markdown).toContain("2024: 1 ulykke, 4 nærvedulykker, 0 forgiftninger, 1 sundhedsskade");
    expect(markdown).toContain("Den seneste årlige drøftelse, der er registreret her, blev holdt i 2024.");
    expect(markdown).toContain("og 1 inden en udskudt frist.");

    // The PDF draws the years' figures as a chart under point 6, its legend in the embedded font.
    const { files } = await t.core.exportYear(ctx, 2026);
    const pdf = files.find((f) => f.mimeType === "application/pdf")?.content as Uint8Array;
    const text = await pdfText(pdf);
    const atSix = text.slice(text.indexOf("6. Ulykker"), text.indexOf("7. Det seneste"));
    for (const label of ["Nærvedulykker", "Sundhedsskader", "2023", "2024"]) expect(atSix).toContain(label);
    if (process.env.CHART_PNG) await writeFile(process.env.CHART_PNG, pdf);
  });

  it("names every year between the last discussion held and this one, in both languages", async () => {
    const team = await setUpWorkspace(t.core);
    await holdYears(db, team.workspace, people, [
      { at: "2022-11-20T09:00:00Z", accidents: 0, nearMisses: 1 },
    ]);
    t.clock.now = new Date("2026-11-20T09:00:00Z");
    const ctx = { workspace: team.workspace, actor: EMPLOYER };
    const { discussion } = await t.core.start(ctx, {}, null);
    const seven = await t.core.pointView(ctx, discussion.id, 7);
    expect(seven?.earlier?.[0]).toBe(
      "Den seneste årlige drøftelse, der er registreret her, blev holdt i 2022. For årene 2023–2025 er der ingen afholdt drøftelse registreret. Målene og beslutningerne herunder er fra 2022.",
    );
    const english = await t.core.pointView(
      { ...ctx, workspace: { ...team.workspace, language: "en" } },
      discussion.id,
      7,
    );
    expect(english?.earlier?.[0]).toBe(
      "The last annual discussion recorded here was held in 2022. There is no record of one held in the years 2023–2025. The goals and decisions below are from 2022.",
    );
  });
});
