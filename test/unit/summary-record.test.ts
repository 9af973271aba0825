import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { summaryCards } from "../../adapters/cards/draw/summary.ts";
import { summaryPages } from "../../adapters/slack/render/summary.ts";
import type { SummaryView } from "../../src/app/chat-port.ts";
import { recordOf } from "../../src/app/summary.ts";
import type { Completeness } from "../../src/domain/completeness.ts";
import { asciiFileName, recordFileName } from "../../src/domain/file-names.ts";
import { reviveSummaryDocument, type SummaryInput, summaryDocument } from "../../src/domain/summary.ts";
import { markdownFile, renderMarkdown } from "../../src/domain/summary-markdown.ts";
import type { Language } from "../../src/domain/types.ts";
import { renderPdf } from "../../src/render/pdf.ts";
import { cardText } from "../helpers/teams-connector.ts";

const SHA1 = "a".repeat(64);
const SHA2 = "b".repeat(64);

/** Planned for 15 December, held on 6 December: the referat says when it was held, and when it was planned for. */
function input(language: Language, changes: Partial<SummaryInput> = {}): SummaryInput {
  return {
    language,
    command: "/arbejdsmiljø",
    workspaceName: "Kontoret ApS",
    year: 2026,
    status: "concluded",
    heldAt: new Date("2026-12-06T09:00:00Z"),
    concludedAt: new Date("2026-12-06T10:40:00Z"),
    plannedAt: new Date("2026-12-15T09:00:00Z"),
    timeZone: "Europe/Copenhagen",
    location: "Mødelokale 2",
    channelName: "#arbejdsmiljø",
    headcount: 25,
    participants: [
      { name: "Lone Berg", role: "employer_representative" },
      { name: "Ali Nielsen", role: "amo_representative" },
    ],
    employerStandIn: "Lone Berg",
    points: [],
    entries: [
      {
        id: "d1",
        point: 8,
        kind: "decision",
        data: { text: "Indkøb af lydabsorbenter", owner: { name: "Mette Hansen" }, deadline: "2027-02-01" },
        status: "open",
      },
      { id: "d2", point: 8, kind: "decision", data: { text: "Nye stole" }, status: "open" },
      {
        id: "g1",
        point: 8,
        kind: "goal",
        data: {
          text: "Mindre støj",
          successCriterion: "Under 55 dB målt i april",
          deadline: "2027-05-01",
          owner: { name: "Søren Østergaard" },
        },
        status: "open",
      },
    ],
    completeness: { complete: true, legal: [], duties: [], goodPractice: [] },
    concludedBy: "Lone Berg",
    overrideReason: null,
    version: 2,
    lastYearGoals: [
      {
        text: "Færre klager over indeklimaet",
        successCriterion: "Halvt så mange",
        status: "done",
        verdict: "reached",
      },
    ],
    followUp: { daysBefore: 1, onDeadline: false, quarterly: false, nextYear: true },
    ...changes,
  };
}

function view(language: Language, approved: boolean): SummaryView {
  const document = summaryDocument(input(language));
  return {
    discussionId: "00000000-0000-4000-8000-000000000000",
    language,
    document,
    markdown: renderMarkdown(document),
    version: 2,
    sha256: SHA2,
    approvals: approved
      ? [
          { name: "Lone Berg", role: "employer_representative", at: new Date("2026-12-07T08:00:00Z") },
          { name: "Ali Nielsen", role: "amo_representative", at: new Date("2026-12-07T09:30:00Z") },
        ]
      : [],
    approved,
    versions: [
      { version: 1, sha256: SHA1, createdAt: new Date("2026-12-06T10:40:00Z") },
      { version: 2, sha256: SHA2, createdAt: new Date("2026-12-06T11:05:00Z") },
    ],
  };
}

const pdfText = async (content: Buffer) => {
  const parser = new PDFParse({ data: new Uint8Array(content) });
  const { text } = await parser.getText();
  await parser.destroy();
  return text.replace(/\s+/g, " ");
};

/** What a reader sees of the referat in each format, as plain text with the formatting taken out. */
async function everyFormat(v: SummaryView): Promise<Record<string, string>> {
  const plain = (s: string) =>
    s
      .replace(/[*_\\\u200B\u2060]/g, "")
      .replace(/: /g, " ")
      .replace(/\s+/g, " ");
  const slack = summaryPages(v).pages.flat();
  const pdf = await renderPdf(v.document, v);
  return {
    markdown: plain(markdownFile(v.markdown, v.document, recordOf(v))),
    slack: plain(JSON.stringify(slack).replace(/\\n/g, " ")),
    cards: plain(summaryCards(v).map(cardText).join(" ")),
    // The word joiner that keeps "/arbejdsmiljø" on one line is read back as a space.
    pdf: plain((await pdfText(pdf)).replace(/ \/ (?=\p{L})/gu, " /")),
  };
}

/** The phrases every format must hold (a label's colon dropped: the PDF's table of facts has none). */
const SAYS: Record<Language, string[]> = {
  da: [
    "Referat af den årlige arbejdsmiljødrøftelse 2026",
    "Holdt 6. december 2026 kl. 10.00",
    "Afsluttet 6. december 2026 kl. 11.40",
    "Planlagt til 15. december 2026 kl. 10.00",
    "Kanal #arbejdsmiljø",
    "Lone Berg (Arbejdsgiverens repræsentant)",
    "Arbejdsgiveren deltog ikke. Lone Berg deltog på arbejdsgiverens vegne",
    "Indkøb af lydabsorbenter (Åben)",
    "ansvarlig Mette Hansen, frist 1. februar 2027",
    "ansvarlig ikke angivet, frist ikke angivet",
    "succeskriterium Under 55 dB målt i april",
    "Færre klager over indeklimaet nået, gennemført i årets løb",
    "Botten minder den ansvarlige for hver beslutning og hvert mål 1 dag før fristen.",
    "Botten minder kanalen om næste års drøftelse",
    "/arbejdsmiljø referat 2026",
    "Næste årlige drøftelse senest 6. december 2027.",
    "arbejdsmiljølovens § 6 d og BEK nr. 1838 af 14/12/2023",
    "Status Godkendt",
    "Godkendt af Lone Berg (Arbejdsgiverens repræsentant) 7. december 2026 kl. 09.00",
    "Godkendt af Ali Nielsen (Arbejdsmiljørepræsentant) 7. december 2026 kl. 10.30",
    `SHA-256 ${SHA1}`,
    `SHA-256 ${SHA2}`,
    "Version 2 (denne), skrevet 6. december 2026 kl. 12.05",
  ],
  en: [
    "Minutes of the annual working-environment discussion 2026",
    "Held 6 December 2026 at 10:00",
    "Concluded 6 December 2026 at 11:40",
    "Planned for 15 December 2026 at 10:00",
    "Channel #arbejdsmiljø",
    "The employer did not take part. Lone Berg took part on the employer's behalf",
    "owner Mette Hansen, deadline 1 February 2027",
    "owner not given, deadline not given",
    "The bot reminds the person responsible for each decision and goal 1 day before the deadline.",
    "Next annual discussion by 6 December 2027 at the latest.",
    "§ 6 d and Executive Order no. 1838 of 14/12/2023",
    "Status Approved",
    "Approved by Ali Nielsen (Working-environment representative) 7 December 2026 at 10:30",
    `SHA-256 ${SHA2}`,
  ],
};

describe("the employer's side missing from the participants", () => {
  const without = {
    participants: [{ name: "Ali Nielsen", role: "amo_representative" as const }],
    employerStandIn: null,
  };
  it("is said where the document records it, and not added to a document stored before it was", () => {
    const line = "Hverken arbejdsgiveren eller en, der kunne træffe beslutninger";
    expect(renderMarkdown(summaryDocument(input("da", { ...without, employerMissing: true })))).toContain(
      line,
    );
    expect(renderMarkdown(summaryDocument(input("da", without)))).not.toContain(line);
  });
});

describe("the referat, the same in every format", () => {
  for (const language of ["da", "en"] as const) {
    it(`says when, where, who, what was decided, how it is followed up, and its record, in ${language}`, async () => {
      const formats = await everyFormat(view(language, true));
      for (const [format, text] of Object.entries(formats)) {
        for (const phrase of SAYS[language])
          expect({ format, has: text.includes(phrase), phrase }).toEqual({
            format,
            has: true,
            phrase,
          });
      }
    });
  }

  it("gives one status word everywhere: awaiting approval, every format says concluded", async () => {
    const formats = await everyFormat(view("da", false));
    for (const text of Object.values(formats)) {
      expect(text).toContain("Status Afsluttet");
      expect(text).toContain("Medarbejdersiden afventer godkendelse");
      expect(text).not.toContain("Godkendt af");
    }
  });

  it("keeps the stored text free of what changes after it is written, so its hash holds", () => {
    const v = view("da", true);
    expect(v.markdown).not.toContain("Godkendt");
    expect(v.markdown).not.toContain("SHA-256");
    const file = markdownFile(v.markdown, v.document, recordOf(v));
    expect(file.startsWith(v.markdown)).toBe(true);
    expect(file).toContain("## Status og godkendelse");
  });

  it("names the planned time only where it differed, and the next discussion a year after this one", () => {
    const onTime = summaryDocument(input("da", { plannedAt: new Date("2026-12-06T09:10:00Z") }));
    expect(onTime.plannedAt).toBeNull();
    expect(renderMarkdown(onTime)).not.toContain("Planlagt til");
    expect(onTime.nextDueBy).toBe("2027-12-06");
    const neverStarted = summaryDocument(input("da", { heldAt: null }));
    expect(neverStarted.heldAt).toEqual(new Date("2026-12-15T09:00:00Z"));
  });

  it("writes follow-up as the workplace's reminders are set, counts in the language's plural", () => {
    const md = (followUp: SummaryInput["followUp"], language: Language = "da") =>
      renderMarkdown(summaryDocument(input(language, { followUp })));
    const all = md({ daysBefore: 7, onDeadline: true, quarterly: true, nextYear: true });
    expect(all).toContain("7 dage før fristen og igen på dagen.");
    expect(all).toContain("Hvert kvartal viser botten status");
    const none = md({ daysBefore: null, onDeadline: false, quarterly: false, nextYear: false });
    expect(none).toContain("Påmindelser om frister er slået fra i opsætningen");
    expect(none).not.toContain("Hvert kvartal");
    expect(none).not.toContain("næste års drøftelse, når");
    expect(md({ daysBefore: 7, onDeadline: true, quarterly: true, nextYear: true }, "en")).toContain(
      "7 days before the deadline and again on the day.",
    );
  });

  it("tells people to call the bot as their platform does, in the record itself", () => {
    const teams = renderMarkdown(summaryDocument(input("da", { command: "@Arbejdsmiljø" })));
    expect(teams).toContain("Status kan altid ses med @Arbejdsmiljø opfølgning.");
    expect(teams).toContain("@Arbejdsmiljø referat 2026");
    expect(teams).not.toContain("/arbejdsmiljø");
    const english = renderMarkdown(summaryDocument(input("en", { command: "@Arbejdsmiljø" })));
    expect(english).toContain("The status can always be seen with @Arbejdsmiljø followup.");
    expect(renderMarkdown(summaryDocument(input("da")))).toContain(
      "Status kan altid ses med /arbejdsmiljø opfølgning.",
    );
  });

  it("names no stand-in where the employer took part", () => {
    const doc = summaryDocument(
      input("da", { employerStandIn: null, participants: [{ name: "Mette Hansen", role: "employer" }] }),
    );
    expect(renderMarkdown(doc)).not.toContain("deltog på arbejdsgiverens vegne");
  });

  it("shows the accident overview as a yearly duty, also in a check stored when it counted as good practice", () => {
    const missing: Completeness = {
      complete: false,
      legal: [],
      duties: ["accident_overview"],
      goodPractice: ["minute_taker"],
    };
    const fresh = summaryDocument(input("da", { completeness: missing }));
    const { duties: _duties, ...old } = missing;
    const stored = JSON.parse(
      JSON.stringify({
        ...fresh,
        completeness: { ...old, goodPractice: ["minute_taker", "accident_overview"] },
      }),
    );
    for (const doc of [fresh, reviveSummaryDocument(stored)]) {
      const md = renderMarkdown(doc);
      expect(md).toContain("Årlige pligter:");
      expect(md).toContain("Årets oversigt over ulykker, forgiftninger og sundhedsskader er ikke gennemgået");
      expect(md.indexOf("Årlige pligter:")).toBeLessThan(md.indexOf("God praksis:"));
      expect(md.slice(md.indexOf("God praksis:"))).not.toContain("ulykker");
    }
    // Read back, not rewritten: the stored JSON keeps what it said.
    expect(stored.completeness.goodPractice).toContain("accident_overview");
  });
});

describe("the record's file names", () => {
  it("keep æ, ø and å, and fall back to Danish ASCII spelling", () => {
    expect(recordFileName(2026, 1, "pdf")).toBe("arbejdsmiljødrøftelse-2026-v1.pdf");
    expect(asciiFileName("arbejdsmiljødrøftelse-2026-v1.pdf")).toBe("arbejdsmiljoedroeftelse-2026-v1.pdf");
    expect(asciiFileName("opfølgning-2026.csv")).toBe("opfoelgning-2026.csv");
    expect(asciiFileName("Århus Café.pdf")).toBe("Aarhus_Cafe.pdf");
  });
});
