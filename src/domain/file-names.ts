/** The files the record is handed out as, named in Danish as the workplace would name them (æ, ø and å kept). */
export const recordFileName = (year: number, version: number, extension: "md" | "pdf") =>
  `arbejdsmiljødrøftelse-${year}-v${version}.${extension}`;
export const followUpFileName = (year: number) => `opfølgning-${year}.csv`;
export const invitationFileName = (year: number) => `arbejdsmiljødrøftelse-${year}.ics`;

const DANISH: Record<string, string> = { æ: "ae", ø: "oe", å: "aa", Æ: "Ae", Ø: "Oe", Å: "Aa" };

/**
 * The name in plain ASCII, for what cannot take UTF-8 (the `filename` fallback beside `filename*` in a download's
 * Content-Disposition): æ, ø, å written out as Danes do when they must (ae, oe, aa), other accents dropped.
 */
export function asciiFileName(name: string): string {
  return name
    .replace(/[æøåÆØÅ]/g, (c) => DANISH[c] ?? c)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]/g, "_");
}

/** The inspection folder's files (and, without an extension, the folder inside its ZIP), named by the day made. */
export const inspectionFileName = (day: string, extension: "pdf" | "zip" | "md" | null) =>
  `tilsynsmappe-arbejdsmiljø-${day}${extension ? `.${extension}` : ""}`;

/** The folder's tables as CSV files in its ZIP, named in Danish whatever the workplace's language. */
export const INSPECTION_TABLE_FILES = {
  referater: "referater",
  members: "amo-medlemmer",
  apv: "apv-handlingsplan",
  figures: "ulykker-pr-år",
  open: "åbne-beslutninger-og-mål",
  log: "godkendelser-og-log",
} as const;
