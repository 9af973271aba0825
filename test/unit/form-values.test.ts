import { describe, expect, it } from "vitest";
import { formValues } from "../../src/app/forms/values.ts";
import { type FormContext, type FormKind, formData, formSpec } from "../../src/app/forms.ts";
import { validateEntry } from "../../src/domain/entries.ts";

const context: FormContext = {
  language: "da",
  members: [
    { userId: "U_EMP", name: "Mette Hansen", role: "employer" },
    { userId: "U_REP", name: "Ali Nielsen", role: "amo_representative", joinedAmoOn: "2025-03-01" },
  ],
  carriedGoals: [],
  hasAmo: true,
};

/** An answer of each kind as a form records it, with every field the form has filled in. */
const STORED: Record<FormKind, Record<string, unknown>> = {
  note: { text: "Vi flytter til nye lokaler." },
  decision: { text: "Nye stole", owner: { id: "U_REP", name: "Ali Nielsen" }, deadline: "2027-01-31" },
  goal: {
    text: "Mindre støj",
    successCriterion: "Under 55 dB",
    owner: { name: "Søren Østergaard" },
    deadline: "2027-05-01",
  },
  minute_taker: {
    person: { id: "U_REP", name: "Ali Nielsen" },
    attendees: [{ id: "U_EMP", name: "Mette Hansen" }, { name: "Gæst Jensen" }],
  },
  amo_member: {
    person: { id: "U_NEW", name: "Nina Ny" },
    role: "amo_representative",
    joinedOn: "2026-03-01",
  },
  apv_status: {
    lastApvDate: "2025-05-01",
    actionPlanStatus: "Gennemført på nær støj.",
    focusPoints: "Støj",
    nextApvPlanned: "2028-05-01",
    actions: [
      { text: "Mål støjen", owner: { id: "U_REP", name: "Ali Nielsen" }, deadline: "2027-02-01" },
      { text: "Lydabsorbenter", owner: { name: "Mette Hansen" }, deadline: "2027-04-01" },
    ],
  },
  accident_overview: {
    accidents: 1,
    nearMisses: 3,
    poisonings: 0,
    healthDamage: 0,
    causesInvestigated: "yes",
    preventionWorked: "partly",
    comment: "En faldulykke på trappen.",
  },
  goal_verdict: { goalText: "Mindre støj", verdict: "partly", reason: "Halvdelen er sat op.", carryOn: true },
  focus_area: { area: "Støj i storrummet", actions: "Måle støj og opsætte lydabsorbenter." },
  cooperation_plan: {
    meetingInterval: "Hvert kvartal",
    meetingForm: "Fysisk møde",
    convener: "Mette Hansen",
    acuteHandling: "Ring samme dag",
    informAmo: "Fælles kanal",
    informEveryone: "Personalemødet",
    taskDistribution: "Ali tager APV'en",
  },
  competences: {
    expertisePresent: "partly",
    expertisePlan: "Kursus i foråret",
    supplementaryTraining: "Ali tager 2 dage.",
    members: [
      {
        person: { id: "U_REP", name: "Ali Nielsen" },
        role: "amo_representative",
        joinedOn: "2025-03-01",
        firstCourseDone: true,
        supplementaryOffered: false,
        supplementaryTakenDays: "2",
        supplementaryPlanned: "Foråret 2027",
      },
    ],
    plan: "Kurset bookes i januar.",
  },
};

describe("a stored answer shown in its form again, for changing it", () => {
  it.each(Object.keys(STORED) as FormKind[])(
    "%s: every field filled in as stored, and saved unchanged",
    (kind) => {
      const valid = validateEntry(kind, STORED[kind]);
      if (!valid.ok) throw new Error(`not a valid answer to start from: ${JSON.stringify(valid.problems)}`);
      const stored = valid.value;
      const values = formValues(stored);
      const fields = new Set(formSpec(kind, context).fields.map((f) => f.id));
      // Each value is shown in a field the form has (nothing is dropped for want of a field)…
      for (const id of Object.keys(values)) expect(fields, id).toContain(id);
      // …and saving the form untouched gives back the answer as it was.
      const saved = validateEntry(kind, formData(kind, values, context));
      expect(saved.ok && saved.value).toEqual(stored);
    },
  );
});
