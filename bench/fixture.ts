import { AGENDA } from "../src/domain/agenda.ts";
import type { EntryKind } from "../src/domain/entries.ts";
import { type SummaryDocument, type SummaryEntry, summaryDocument } from "../src/domain/summary.ts";

/** A large discussion: every point with `perPoint` entries of mixed kinds, Danish text with æ, ø and å. */
export function bigSummary(perPoint: number): SummaryDocument {
  const entries: SummaryEntry[] = [];
  let n = 0;
  for (const point of AGENDA) {
    for (let i = 0; i < perPoint; i++) {
      n++;
      const kind: EntryKind = i % 3 === 0 ? "decision" : i % 3 === 1 ? "goal" : "note";
      const text = `Punkt ${point.number}, indførsel ${i}: Ærlig snak om støj, lys og ørepropper på kontoret (${n}).`;
      const data =
        kind === "decision"
          ? { text, owner: { name: "Søren Østergaard" }, deadline: "2027-05-01" }
          : kind === "goal"
            ? { text, successCriterion: "Målt med lydmåler i april, under 55 dB", deadline: "2027-06-01" }
            : { text };
      entries.push({
        id: `e${n}`,
        point: point.number,
        kind,
        data: data as never,
        status: kind === "note" ? null : "open",
      });
    }
  }
  return summaryDocument({
    language: "da",
    command: "/arbejdsmiljø",
    workspaceName: "Kontoret ApS",
    year: 2026,
    status: "concluded",
    heldAt: new Date("2026-12-10T09:00:00Z"),
    timeZone: "Europe/Copenhagen",
    location: "Mødelokale 2",
    channelName: "C_AMO",
    headcount: 25,
    participants: [
      { name: "Mette Hansen", role: "employer" },
      { name: "Ali Nielsen", role: "amo_representative" },
      { name: "Søren Østergaard", role: "work_leader" },
    ],
    points: AGENDA.map((p) => ({
      number: p.number,
      status: "done",
      threadUrl: `https://chat.example/p${p.number}`,
    })),
    entries,
    completeness: { complete: true, legal: [], duties: [], goodPractice: [] },
    concludedBy: "Mette Hansen",
    overrideReason: null,
    version: 1,
    lastYearGoals: [],
  });
}
