import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
import { pdfText } from "../helpers/inspection-check.ts";
import { holdYears } from "../helpers/years.ts";

const TODAY = new Date("2026-12-07T09:00:00Z");

const people = { employer: EMPLOYER, rep: REPRESENTATIVE };

describe.each(DRIVERS)("the inspection folder on $name", ({ open }) => {
  let db: Db;
  let t: TestCore;
  beforeAll(async () => {
    db = await open();
    t = testCore(db, TODAY);
  });
  afterAll(async () => db?.close());

  it("lists what is missing or overdue with what to do, and holds every part an inspector asks for", async () => {
    const team = await setUpWorkspace(t.core);
    await holdYears(db, team.workspace, people, [
      { at: "2023-11-20T09:00:00Z", accidents: 2, nearMisses: 5, apvDate: "2022-05-01", approve: true },
      {
        at: "2024-11-20T09:00:00Z",
        accidents: 1,
        nearMisses: 4,
        apvAction: { text: "Nye skærme til kundeservice", deadline: "2025-01-31" },
        approve: true,
      },
      {
        at: "2025-11-20T09:00:00Z",
        accidents: 0,
        nearMisses: 2,
        course: [{ person: REPRESENTATIVE, done: false }],
      },
    ]);
    const [pdf, zip] = await t.core.inspectionFiles(team.leader);
    expect(pdf?.name).toBe("tilsynsmappe-arbejdsmiljø-2026-12-07.pdf");
    expect(zip?.name).toBe("tilsynsmappe-arbejdsmiljø-2026-12-07.zip");
    const text = await pdfText(pdf?.content as Uint8Array);
    for (const expected of [
      "Tilsynsmappe: det systematiske arbejdsmiljøarbejde",
      "Kontoret ApS · Tilsynsmappe",
      "side 1 af",
      "Klar til tilsyn",
      "5 forhold mangler eller er overskredet",
      "Der er ikke holdt en årlig arbejdsmiljødrøftelse inden for de seneste 12 måneder (den seneste blev holdt 20. november 2025).",
      "APV'en fra 1. maj 2022 er over tre år gammel (den skulle være lavet igen senest 1. maj 2025).",
      "Ali Nielsen har ikke den 3-dages arbejdsmiljøuddannelse, og fristen 1. juni 2026 er overskredet.",
      "Søren Østergaard har ikke den 3-dages arbejdsmiljøuddannelse.",
      "Fristen for “Nye skærme til kundeservice” var 31. januar 2025, og punktet er stadig åbent.",
      "Det seneste godkendte referat er fra 2024 (version 1).",
      "Arbejdsmiljøorganisationen",
      "Ali Nielsen Arbejdsmiljørepræsentant 1. marts 2026 Ikke gennemført",
      "Søren Østergaard Arbejdsleder - Ikke registreret",
      "Mette Hansen Arbejdsgiver - Ikke et krav for rollen",
      "Seneste APV 1. maj 2022",
      "Ulykker, nærvedulykker og sundhedsskader pr. år",
      "2022 ikke registreret ikke registreret",
      "2023 2 5 0 1",
      "2024 1 4 0 1",
      "2025 0 2 0 1",
      "Åbne beslutninger og mål",
      "2024 Beslutning: Nye skærme til kundeservice Mette Hansen 31. januar 2025 åben, fristen er passeret",
      "Godkendelser og log",
      "Referatet godkendt (version 1)",
      "Bilag: Referat af den årlige arbejdsmiljødrøftelse 2024",
    ])
      expect(text).toContain(expected);
    // A command stays whole on its line: the slash is joined to its word.
    expect(text).toMatch(/Planlæg drøftelsen med \/.?arbejdsmiljø planlæg/u);
    const hashes = (await repos(db).discussions.list(team.workspace.id)).length;
    expect(hashes).toBe(3);
    for (const d of await repos(db).discussions.list(team.workspace.id)) {
      const [summary] = await repos(db).summaries.list(team.workspace.id, d.id);
      expect(text).toContain(summary?.sha256);
    }
    // The readiness check is on the first page, before the referater.
    expect(text.indexOf("Klar til tilsyn")).toBeLessThan(text.indexOf("side 2 af"));

    const files = unzipSync(zip?.content as Uint8Array);
    const dir = "tilsynsmappe-arbejdsmiljø-2026-12-07";
    expect(Object.keys(files).sort()).toEqual(
      [
        `${dir}/amo-medlemmer.csv`,
        `${dir}/apv-handlingsplan.csv`,
        `${dir}/godkendelser-og-log.csv`,
        `${dir}/referater.csv`,
        `${dir}/tilsynsmappe-arbejdsmiljø-2026-12-07.md`,
        `${dir}/ulykker-pr-år.csv`,
        `${dir}/åbne-beslutninger-og-mål.csv`,
      ].sort(),
    );
    const read = (name: string) => new TextDecoder().decode(files[`${dir}/${name}`]).replace(/^\uFEFF/, "");
    expect(read("ulykker-pr-år.csv").split("\r\n")).toEqual([
      "År;Ulykker;Nærvedulykker;Forgiftninger;Sundhedsskader",
      "2022;ikke registreret;ikke registreret;ikke registreret;ikke registreret",
      "2023;2;5;0;1",
      "2024;1;4;0;1",
      "2025;0;2;0;1",
      "2026;ikke registreret;ikke registreret;ikke registreret;ikke registreret",
      "",
    ]);
    const md = read("tilsynsmappe-arbejdsmiljø-2026-12-07.md");
    expect(md).toContain("## Klar til tilsyn");
    expect(md).toContain("| 2023 | 2 | 5 | 0 | 1 |");
    expect(md).toContain("# Bilag: Referat af den årlige arbejdsmiljødrøftelse 2024".slice(1));
    expect(read("referater.csv").split("\r\n")).toHaveLength(5);
  });

  it("says all is ready when nothing is missing", async () => {
    const team = await setUpWorkspace(t.core);
    await holdYears(db, team.workspace, people, [
      { at: "2025-02-10T09:00:00Z", accidents: 1, nearMisses: 1, apvDate: "2025-01-15", approve: true },
      {
        at: "2026-11-20T09:00:00Z",
        accidents: 0,
        nearMisses: 3,
        apvAction: { text: "Hæve-sænkeborde til alle", deadline: "2027-03-01" },
        course: [
          { person: REPRESENTATIVE, done: true, supplementaryTakenDays: 1.5, supplementaryOffered: true },
          { person: LEADER, done: true },
        ],
        approve: true,
      },
    ]);
    const [pdf] = await t.core.inspectionFiles(team.employer);
    const text = await pdfText(pdf?.content as Uint8Array);
    expect(text).toContain("Klar til tilsyn Alt er på plads");
    expect(text).not.toContain("mangler eller er overskredet");
    expect(text).toContain("Det seneste godkendte referat er fra 2026 (version 1).");
    // Joined 1 March 2026: in the first membership year 2 supplementary days are due.
    expect(text).toContain(
      "Ali Nielsen Arbejdsmiljørepræsentant 1. marts 2026 Gennemført; supplerende: 1,5 af 2 dage, tilbudt",
    );
    expect(text).toMatch(/2026 Beslutning: Hæve- ?sænkeborde til alle Mette Hansen 1\. marts 2027 åben/);
  });

  it("lists who took part, not an AMO, in a workplace with 1-9 employees, and asks for the approval", async () => {
    const team = await setUpWorkspace(t.core, 6);
    await holdYears(db, team.workspace, people, [
      { at: "2026-10-01T09:00:00Z", accidents: 0, nearMisses: 1, apvDate: "2025-09-01" },
    ]);
    const text = await pdfText((await t.core.inspectionFiles(team.employer))[0]?.content as Uint8Array);
    expect(text).toContain(
      "Deltagere i drøftelsen Med 1-9 ansatte har arbejdspladsen ingen arbejdsmiljøorganisation",
    );
    expect(text).toContain("Ali Nielsen Arbejdsmiljørepræsentant - Ikke et krav for rollen");
    expect(text).toContain("Ét forhold mangler eller er overskredet.");
    expect(text).toContain("Det seneste referat er ikke godkendt af begge parter.");
    expect(text).toContain(
      "Intet referat er godkendt af begge parter endnu. Det seneste referat, fra 2026 (version 1)",
    );
  });

  it("is for the employer and the AMO only: anyone else is refused and nothing is made", async () => {
    const team = await setUpWorkspace(t.core);
    const stranger = { workspace: team.workspace, actor: { userId: "U_STRANGER", name: "Ukendt" } };
    await expect(t.core.inspectionFiles(stranger)).rejects.toMatchObject({
      messageKey: "error.forbidden",
      params: { action: "action.inspection" },
    });
    await repos(db).members.upsert(team.workspace.id, {
      userId: "U_EMPLOYEE",
      name: "Lone Berg",
      role: "employee",
      joinedAmoOn: null,
    });
    const employee = { workspace: team.workspace, actor: { userId: "U_EMPLOYEE", name: "Lone Berg" } };
    await expect(t.core.inspectionFiles(employee)).rejects.toMatchObject({
      messageKey: "error.forbidden",
      params: { action: "action.inspection" },
    });
    const log = (await repos(db).audit.list(team.workspace.id)).map((a) => a.action);
    expect(log).not.toContain("workspace.inspection_folder");
  });
});
