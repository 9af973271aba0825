import { unzipSync } from "fflate";
import { PDFParse } from "pdf-parse";
import { expect } from "vitest";
import type { SeedYear } from "./years.ts";

/** Three years of discussions: an old APV, an overdue APV item, the last one not approved. */
export const THREE_YEARS: SeedYear[] = [
  { at: "2023-11-20T09:00:00Z", accidents: 2, nearMisses: 5, apvDate: "2022-05-01", approve: true },
  {
    at: "2024-11-20T09:00:00Z",
    accidents: 1,
    nearMisses: 4,
    apvAction: { text: "Nye skærme til kundeservice", deadline: "2025-01-31" },
    approve: true,
  },
  { at: "2025-11-20T09:00:00Z", accidents: 0, nearMisses: 2 },
];

/** The text of a PDF on one line, as a reader copying it would get it. */
export async function pdfText(content: Uint8Array) {
  const parser = new PDFParse({ data: new Uint8Array(content) });
  const { text } = await parser.getText();
  await parser.destroy();
  return text.replace(/\u2060/g, "").replace(/\s+/g, " ");
}

/**
 * What the folder of THREE_YEARS says, made on 7 December 2026 by a Danish workplace whose people call the bot with
 * `command`.
 */
export async function expectThreeYearFolder(pdf: Uint8Array, zip: Uint8Array, command: string) {
  expect(Buffer.from(pdf).subarray(0, 4).toString()).toBe("%PDF");
  const text = await pdfText(pdf);
  for (const expected of [
    "Tilsynsmappe: det systematiske arbejdsmiljøarbejde",
    "Klar til tilsyn",
    "(den seneste blev holdt 20. november 2025)",
    "APV'en fra 1. maj 2022 er over tre år gammel",
    "Fristen for “Nye skærme til kundeservice” var 31. januar 2025, og punktet er stadig åbent.",
    "Det seneste godkendte referat er fra 2024 (version 1).",
    "2023 2 5 0 1",
    "2024 1 4 0 1",
    "2025 0 2 0 1",
    "Bilag: Referat af den årlige arbejdsmiljødrøftelse 2024",
  ])
    expect(text).toContain(expected);
  // The yearly figures are charted under their table (its legend names them a second time).
  expect(text.split("Nærvedulykker").length - 1).toBeGreaterThanOrEqual(2);
  const files = unzipSync(zip);
  const dir = "tilsynsmappe-arbejdsmiljø-2026-12-07";
  const md = new TextDecoder().decode(files[`${dir}/${dir}.md`]);
  expect(md).toContain("## Klar til tilsyn");
  expect(md).toContain("| 2024 | 1 | 4 | 0 | 1 |");
  // The to-do under an overdue item says what to write, as the workplace's platform calls the bot.
  expect(md).toContain(`flyt fristen med ${command} opfølgning.`);
  const csv = new TextDecoder().decode(files[`${dir}/ulykker-pr-år.csv`]).replace(/^\uFEFF/, "");
  expect(csv.split("\r\n").slice(2, 5)).toEqual(["2023;2;5;0;1", "2024;1;4;0;1", "2025;0;2;0;1"]);
}
