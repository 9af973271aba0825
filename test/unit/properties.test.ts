import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeMd } from "../../adapters/cards/draw/card.ts";
import { parseCommand, SUBCOMMANDS } from "../../src/app/commands.ts";
import { type FormKind, formData, formSpec } from "../../src/app/forms.ts";
import { AGENDA } from "../../src/domain/agenda.ts";
import { isValidIsoDate, parseUserDate } from "../../src/domain/dates.ts";
import { ENTRY_KINDS, LIMITS, validateEntry } from "../../src/domain/entries.ts";
import { mdText } from "../../src/domain/summary-markdown.ts";
import { NASTY_DATES, NASTY_TEXTS } from "../helpers/nasty.ts";

const anyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "grapheme", maxLength: 100 }),
  fc.constantFrom(...NASTY_TEXTS),
);
const FORM_KINDS: FormKind[] = [
  "note",
  "decision",
  "goal",
  ...AGENDA.flatMap((p) => (p.form ? [p.form] : [])),
];
const PROBLEM_CODES = [
  "required",
  "too_long",
  "invalid_date",
  "invalid_number",
  "invalid_choice",
  "reason_required",
  "incidents_recorded",
  "no_incidents_recorded",
  "unknown_field",
  "invalid",
];
const formContext = {
  language: "da" as const,
  members: [{ userId: "U1", name: "Åse", role: "amo_representative" }],
  carriedGoals: [{ id: "00000000-0000-4000-8000-000000000001", text: "Mål", successCriterion: "K" }],
};

describe("the command parser, for any text", () => {
  it("answers with a known command, never throws, and keeps echoed words short", () => {
    const known = new Set([...Object.keys(SUBCOMMANDS), "unknown", "bad_argument"]);
    fc.assert(
      fc.property(anyText, (text) => {
        const command = parseCommand(text);
        expect(known.has(command.type)).toBe(true);
        if (command.type === "unknown") expect(command.word.length).toBeLessThanOrEqual(40);
        if (command.type === "bad_argument") expect(command.argument.length).toBeLessThanOrEqual(40);
      }),
      { numRuns: 500 },
    );
  });
  it("reads every alias in any case, with a year where one is taken", () => {
    for (const [type, aliases] of Object.entries(SUBCOMMANDS)) {
      for (const alias of aliases) expect(parseCommand(`  ${alias.toUpperCase()} `).type).toBe(type);
    }
    expect(parseCommand("referat 2025")).toEqual({ type: "summary", year: 2025 });
    expect(parseCommand("referat 10000")).toEqual({
      type: "bad_argument",
      subcommand: "summary",
      argument: "10000",
    });
    expect(parseCommand("start nu")).toEqual({ type: "bad_argument", subcommand: "start", argument: "nu" });
    expect(parseCommand("")).toEqual({ type: "help" });
  });
});

describe("entry validation, for any value", () => {
  it("either accepts within the limits or names each problem with a known code", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ENTRY_KINDS), fc.anything(), (kind, input) => {
        const result = validateEntry(kind, input);
        if (result.ok) {
          for (const value of Object.values(result.value as Record<string, unknown>)) {
            if (typeof value === "string") {
              expect(value.length).toBeLessThanOrEqual(LIMITS.long);
              expect(value).toBe(value.trim());
            }
          }
        } else {
          expect(Object.keys(result.problems).length).toBeGreaterThan(0);
          for (const p of Object.values(result.problems)) expect(PROBLEM_CODES).toContain(p.code);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("turns any submitted form into data that validates or is refused field by field", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FORM_KINDS),
        fc.dictionary(fc.string({ maxLength: 30 }), fc.option(anyText)),
        (kind, raw) => {
          const fields = formSpec(kind, formContext).fields.map((f) => f.id);
          const values = Object.fromEntries(fields.map((id, i) => [id, Object.values(raw)[i] ?? null]));
          const result = validateEntry(kind, formData(kind, values, formContext));
          if (!result.ok)
            for (const p of Object.values(result.problems)) expect(PROBLEM_CODES).toContain(p.code);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("dates typed by people", () => {
  it("are a real date or nothing", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.constantFrom(...NASTY_DATES)), (text) => {
        const parsed = parseUserDate(text);
        if (parsed !== null) expect(isValidIsoDate(parsed)).toBe(true);
      }),
      { numRuns: 500 },
    );
    for (const bad of [
      "31/02/2027",
      "2027-02-31",
      "10000-01-01",
      "01/01/10000",
      "2027-13-01",
      "0000-00-00",
    ]) {
      expect(parseUserDate(bad)).toBeNull();
    }
  });
  it("round-trip for every real date", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2199-12-31"), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const [y, m, day] = iso.split("-");
          expect(parseUserDate(`${day}/${m}/${y}`)).toBe(iso);
          expect(parseUserDate(iso)).toBe(iso);
        },
      ),
    );
  });
});

describe("Markdown escaping", () => {
  it("leaves no unescaped formatting or line breaks in any text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const out = mdText(text);
        expect(out).not.toMatch(/\n/);
        expect(out).not.toMatch(/(^|[^\\])[<>*_`[\]#|]/);
      }),
      { numRuns: 500 },
    );
  });
});

describe("Adaptive Card text escaping", () => {
  // Text made mostly of what Markdown reads: emphasis, links, code, list and heading markers, line starts.
  const markdownish = fc.string({
    unit: fc.constantFrom(
      "*",
      "_",
      "[",
      "]",
      "`",
      "~",
      "\\",
      "-",
      "+",
      ">",
      "#",
      "1",
      ".",
      ")",
      " ",
      "\n",
      "\t",
      "a",
      "ø",
    ),
    maxLength: 60,
  });

  it("escapes every formatting character and every line that would start a list or heading", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, markdownish), (text) => {
        const out = escapeMd(text);
        // The escapes taken back out give the text as written: a no-break space is shown for a space or tab after a
        // marker, and added after a marker alone on its line (blanks at a line's end are not seen).
        const plain = (x: string) => x.replace(/[ \t\u00A0]+(?=\n|$)/g, "").replace(/[\t\u00A0]/g, " ");
        expect(plain(out.replace(/\\([\\*_[\]`~])/g, "$1"))).toBe(plain(text));
        expect(out).not.toMatch(/(^|[^\\])(\\\\)*[*_[\]`~]/);
        // In CommonMark a line starts a list item or heading with -, +, *, # or a number and . or ), followed by a
        // space, a tab or the end of the line; > starts a block quote. None of the output's lines may.
        const lines = out.split("\n");
        for (const line of lines)
          expect(line.replace(/^[ \t]*/, "")).not.toMatch(/^(?:[-+*>#]|\d{1,9}[.)])(?:[ \t]|$)/);
        expect(lines).toHaveLength(text.split("\n").length);
      }),
      { numRuns: 1000 },
    );
  });
});
