import { describe, expect, it } from "vitest";
import { problemText } from "../../src/app/errors.ts";
import { fieldErrors, formData } from "../../src/app/forms.ts";
import { validateEntry } from "../../src/domain/entries.ts";

const none = { accidents: 0, nearMisses: 0, poisonings: 0, healthDamage: 0 };
const overview = (figures: Partial<typeof none>, causesInvestigated: string) => ({
  ...none,
  ...figures,
  causesInvestigated,
  preventionWorked: "not_assessed",
});
const formContext = { language: "da" as const, members: [], carriedGoals: [] };

/** Point 6: the year's figures and the answer on their causes must tell the same story. */
describe("the accident overview's figures and causes", () => {
  it("refuses 'no incidents' when a figure is above 0, on the causes field", () => {
    for (const figure of Object.keys(none)) {
      const r = validateEntry("accident_overview", overview({ [figure]: 3 }, "none_occurred"));
      expect(r, figure).toEqual({
        ok: false,
        problems: { causesInvestigated: { code: "incidents_recorded" } },
      });
    }
  });

  it("refuses another answer than 'no incidents' when every figure is 0", () => {
    for (const answer of ["yes", "partly", "no"]) {
      const r = validateEntry("accident_overview", overview({}, answer));
      expect(r, answer).toEqual({
        ok: false,
        problems: { causesInvestigated: { code: "no_incidents_recorded" } },
      });
    }
  });

  it("accepts figures and an answer that agree", () => {
    expect(validateEntry("accident_overview", overview({}, "none_occurred")).ok).toBe(true);
    for (const answer of ["yes", "partly", "no"])
      expect(validateEntry("accident_overview", overview({ nearMisses: 1 }, answer)).ok, answer).toBe(true);
  });

  it("leaves a figure that cannot be read to its own problem", () => {
    const r = validateEntry("accident_overview", overview({ accidents: -1 }, "yes"));
    expect(r).toEqual({ ok: false, problems: { accidents: { code: "required" } } });
  });

  it("tells the form which field to mark, politely, in Danish and English", () => {
    // As a Slack modal or a Teams card submits them: every value a string.
    const submitted = {
      accidents: "3",
      nearMisses: "0",
      poisonings: "0",
      healthDamage: "0",
      causesInvestigated: "none_occurred",
      preventionWorked: "yes",
    };
    const refused = validateEntry("accident_overview", formData("accident_overview", submitted, formContext));
    const zero = { ...submitted, accidents: "0", causesInvestigated: "no" };
    const refusedZero = validateEntry("accident_overview", formData("accident_overview", zero, formContext));
    if (refused.ok || refusedZero.ok) throw new Error("accepted");
    const errors = (problems: typeof refused.problems, language: "da" | "en") =>
      fieldErrors("accident_overview", problems, { ...formContext, language }, (p) =>
        problemText(language, p),
      );
    expect(errors(refused.problems, "da")).toEqual({
      causesInvestigated:
        'Tallene viser hændelser i årets løb, så "ingen hændelser" passer ikke. Vælg, om årsagerne er undersøgt: ja, delvist eller nej.',
    });
    expect(errors(refused.problems, "en")).toEqual({
      causesInvestigated:
        'The figures show incidents during the year, so "no incidents" does not fit. Choose whether their causes were investigated: yes, partly or no.',
    });
    expect(errors(refusedZero.problems, "da")).toEqual({
      causesInvestigated:
        'Alle tallene er 0, så der er ingen årsager at undersøge. Vælg "ingen hændelser", eller ret tallene.',
    });
    expect(errors(refusedZero.problems, "en")).toEqual({
      causesInvestigated:
        'All the figures are 0, so there are no causes to investigate. Choose "no incidents", or correct the figures.',
    });
  });
});
