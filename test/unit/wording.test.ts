import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { cardTexts } from "../../adapters/cards/texts.ts";
import { localTexts } from "../../adapters/local/texts.ts";
import { slackTexts } from "../../adapters/slack/texts.ts";
import { teamsTexts } from "../../adapters/teams/texts.ts";
import { checkText } from "../../src/app/check-text.ts";
import { parseCommand } from "../../src/app/commands.ts";
import { AGENDA } from "../../src/domain/agenda.ts";
import { pointForSize } from "../../src/domain/agenda-size.ts";
import { checkCompleteness } from "../../src/domain/completeness.ts";
import { participationFor } from "../../src/domain/participation.ts";
import { mergeTexts, t } from "../../src/i18n/index.ts";
import { core } from "../../src/i18n/sections/core.ts";
import { health } from "../../src/i18n/sections/health.ts";
import { reminders } from "../../src/i18n/sections/reminders.ts";
import { summary } from "../../src/i18n/sections/summary.ts";
import { ui } from "../../src/i18n/sections/ui.ts";

const ALL = mergeTexts(core, health, summary, ui, reminders, slackTexts, cardTexts, localTexts, teamsTexts);

/** Every text a user can meet: the catalogues, the agenda (both sizes) and the participation rules. */
function everyText(language: "da" | "en"): string[] {
  const agenda = AGENDA.flatMap((p) =>
    [1, 25].flatMap((headcount) => {
      const point = pointForSize(p.number, headcount);
      return [point.title[language], point.help[language], ...point.questions[language]];
    }),
  );
  const participation = [5, 20, 50].map((n) => participationFor(n).description[language]);
  return [...Object.values(ALL[language]), ...agenda, ...participation];
}

/** Wordings a Danish office manager stumbled over, and what says it right instead. */
const OLD_DANISH: [RegExp, string][] = [
  [/indførsl/i, "registreringen"],
  [/er overstået/i, "Datoen er passeret"],
  [/minder ejeren/i, "minder den ansvarlige"],
  [/nærved-/i, "nærvedulykker"],
  [/arbejdsmiljø-bot/i, "arbejdsmiljøbotten"],
  [/\binput\b/i, "Forslag"],
  [/Det er aftalt/, "Aftaler og beslutninger"],
  [/kompetenceplan/i, "kompetenceudviklingsplan"],
  [
    /lovpligtige uddannelse|3-dages uddannelse|3 dages uddannelse/i,
    "den obligatoriske arbejdsmiljøuddannelse (3 dage)",
  ],
  [/nødvendige viden om arbejdsmiljø|nødvendig viden til stede/i, "nødvendig sagkundskab om arbejdsmiljø"],
  [/drøft det gerne/i, "skal drøftes"],
  [
    /med kommandoen (opsæt|planlæg|opfølgning|referat)\b(?! igen med kommandoen)/i,
    "Brug /arbejdsmiljø opsæt",
  ],
  [/Brug opsætningen/i, "Brug /arbejdsmiljø opsæt først"],
  [/\{\w+\} (ulykker|åbne|flere)\b/, "a plural form"],
];
const OLD_ENGLISH: [RegExp, string][] = [
  [/\bsummary\b/i, "Minutes"],
  [/work leader/i, "Supervisor"],
  [/health damage/i, "work-related ill health"],
  [/\binput\b/i, "suggestion"],
  [/\{\w+\} (accidents|open|more decisions)\b/, "a plural form"],
];

describe("the wording a Danish office manager reads", () => {
  it("keeps the old wordings out of every Danish text", () => {
    // Teams has no slash command: there the command word is written alone ("kommandoen referat").
    const texts = everyText("da").filter((x) => !x.startsWith("Teams kan ikke fastgøre"));
    for (const [old, instead] of OLD_DANISH) {
      const found = texts.filter((x) => old.test(x));
      expect(found, `${old} → ${instead}`).toEqual([]);
    }
  });

  it("keeps the old wordings out of every English text", () => {
    const texts = everyText("en");
    for (const [old, instead] of OLD_ENGLISH) {
      const found = texts.filter((x) => old.test(x));
      expect(found, `${old} → ${instead}`).toEqual([]);
    }
  });

  it("writes counts through the plural rules", () => {
    const figures = { accidents: 1, nearMisses: 1, poisonings: 0, healthDamage: 2 };
    expect(t("da", "field.accidents", figures)).toBe(
      "1 ulykke, 1 nærvedulykke, 0 forgiftninger, 2 sundhedsskader",
    );
    expect(t("en", "field.accidents", figures)).toBe(
      "1 accident, 1 near miss, 0 poisonings, 2 cases of work-related ill health",
    );
    expect(t("da", "reminder.quarterly", { count: 1 })).toBe("Kvartalsstatus: 1 åben beslutning eller mål.");
    expect(t("da", "reminder.quarterly", { count: 3 })).toBe("Kvartalsstatus: 3 åbne beslutninger og mål.");
    expect(t("en", "reminder.quarterly", { count: 1 })).toBe("Quarterly status: 1 open decision or goal.");
    expect(t("da", "field.taken", { days: 1.5 })).toBe("1,5 dag taget i år");
    expect(t("en", "field.taken", { days: 1.5 })).toBe("1.5 days taken this year");
    expect(t("en", "announcement.duration", { minutes: 1 })).toBe("1 minute");
  });

  it("writes every plural form with an option for each number, in both languages", () => {
    for (const language of ["da", "en"] as const)
      for (const [key, template] of Object.entries(ALL[language])) {
        if (!template.includes(", plural,")) continue;
        expect(template, key).toMatch(/\{\w+, plural, (?:one \{[^{}]*\} )?other \{[^{}]*\}\}/);
        expect(ALL[language === "da" ? "en" : "da"][key], `${key} in both languages`).toContain(", plural,");
      }
  });

  it("shows point 10's 1-9 text only to workplaces of that size", () => {
    const small = pointForSize(10, 6);
    const amo = pointForSize(10, 25);
    expect(small.title.da).toBe("Nødvendig sagkundskab om arbejdsmiljø");
    expect(small.help.da).toContain("Med 1–9 ansatte");
    expect(amo.help.da).not.toMatch(/1–9|1-9/);
    expect([amo.help.da, ...amo.questions.da].join(" ")).toContain("supplerende uddannelse skal drøftes");
    // A workplace of 1-9 meets no AMO in points 2, 9 and 10.
    for (const n of [2, 9, 10]) {
      const p = pointForSize(n, 6);
      expect([p.title.da, p.help.da, ...p.questions.da].join(" "), `point ${n}`).not.toMatch(/\bAMO\b/);
    }
  });

  it("presents the yearly accident overview as a yearly duty, not as good practice", () => {
    const six = pointForSize(6, 25);
    expect(six.help.da).toContain("Én gang om året skal der udarbejdes en oversigt");
    expect(six.help.en).toContain("Once a year an overview");
    expect(six.help.da).not.toMatch(/god praksis|Der skal en gang om året/);
    expect(six.help.en).not.toMatch(/good practice/);
    // The check shows it under a heading of its own, not under the heading that says "not legal requirements".
    const missing = checkCompleteness({ headcount: 25, carriedGoalIds: [], firstYear: true, entries: [] });
    for (const language of ["da", "en"] as const) {
      const text = checkText(language, missing);
      const duties = text.indexOf(`${t(language, "completeness.duties")}:`);
      const practice = text.indexOf(`${t(language, "completeness.practice")}:`);
      const overview = text.indexOf(t(language, "duty.accident_overview"));
      expect(duties, language).toBeGreaterThan(-1);
      expect(overview, language).toBeGreaterThan(duties);
      expect(overview, language).toBeLessThan(practice);
    }
    expect(t("da", "completeness.duties")).toBe("Årlige pligter");
  });

  it("understands the command the texts name, also typed where there is no slash command", () => {
    expect(parseCommand("/arbejdsmiljø opsæt")).toEqual({ type: "setup" });
    expect(parseCommand("/arbejdsmiljo planlæg")).toEqual({ type: "plan" });
    expect(parseCommand("minutes 2026")).toEqual({ type: "summary", year: 2026 });
  });

  it("names the README's bot as the texts do", async () => {
    const readme = await readFile(new URL("../../README.md", import.meta.url), "utf8");
    expect(readme).not.toMatch(/arbejdsmiljø-bot/i);
  });
});
