import { describe, expect, it } from "vitest";
import { AGENDA } from "../../src/domain/agenda.ts";
import { checkCompleteness } from "../../src/domain/completeness.ts";
import { localDateTime, parseUserDate } from "../../src/domain/dates.ts";
import { type DiscussionState, initialState, transition } from "../../src/domain/discussion.ts";
import { validateEntry } from "../../src/domain/entries.ts";
import { participationFor } from "../../src/domain/participation.ts";
import { mdText } from "../../src/domain/summary-markdown.ts";

describe("the agenda", () => {
  it("has the eleven points in order, in Danish and English, with guiding questions", () => {
    expect(AGENDA.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const p of AGENDA) {
      expect(p.title.da.length).toBeGreaterThan(3);
      expect(p.title.en.length).toBeGreaterThan(3);
      expect(p.questions.da.length).toBeGreaterThan(0);
      expect(p.questions.en.length).toBe(p.questions.da.length);
      expect(p.help.da.length).toBeGreaterThan(10);
    }
    expect(AGENDA[0]?.title.da).toBe("Valg af referent");
    expect(AGENDA[9]?.title.da).toBe("Kompetencer og supplerende uddannelse");
  });
});

describe("who takes part", () => {
  it.each([
    [1, "all_employees", false],
    [9, "all_employees", false],
    [10, "amo", true],
    [34, "amo", true],
    [35, "committee", true],
    [500, "committee", true],
  ])("with %i employees: %s", (headcount, tier, hasAmo) => {
    const rule = participationFor(headcount);
    expect(rule.tier).toBe(tier);
    expect(rule.hasAmo).toBe(hasAmo);
  });
  it("refuses a headcount that is not a whole positive number", () => {
    expect(() => participationFor(0)).toThrow(RangeError);
    expect(() => participationFor(2.5)).toThrow(RangeError);
  });
});

describe("the discussion's state machine", () => {
  const run = (state: DiscussionState, ...moves: Parameters<typeof transition>[1][]) =>
    moves.reduce((s, m) => {
      const r = transition(s, m);
      if (!r.ok) throw new Error(r.reason);
      return r.state;
    }, state);

  it("starts at point 1 and walks, skips and goes back", () => {
    let s = run(initialState(), { type: "start" });
    expect(s.status).toBe("running");
    expect(s.currentPoint).toBe(1);
    s = run(s, { type: "next" }, { type: "skip" });
    expect(s.currentPoint).toBe(3);
    expect(s.points.slice(0, 3).map((p) => p.status)).toEqual(["done", "skipped", "active"]);
    s = run(s, { type: "previous" });
    expect(s.points[1]?.status).toBe("active");
    s = run(s, { type: "goto", point: 11 });
    expect(s.points[1]?.status).toBe("done");
    expect(s.currentPoint).toBe(11);
  });

  it("refuses invalid moves with a reason", () => {
    const planned = initialState();
    expect(transition(planned, { type: "next" })).toEqual({ ok: false, reason: "not_running" });
    const s = run(planned, { type: "start" });
    expect(transition(s, { type: "start" })).toEqual({ ok: false, reason: "already_started" });
    expect(transition(s, { type: "previous" })).toEqual({ ok: false, reason: "at_first_point" });
    expect(transition(s, { type: "goto", point: 12 })).toEqual({ ok: false, reason: "no_such_point" });
    const last = run(s, { type: "goto", point: 11 });
    expect(transition(last, { type: "next" })).toEqual({ ok: false, reason: "at_last_point" });
    expect(transition(s, { type: "approve" })).toEqual({ ok: false, reason: "not_concluded" });
    expect(transition(s, { type: "reopen" })).toEqual({ ok: false, reason: "not_concluded" });
  });

  it("concludes, approves and reopens", () => {
    const concluded = run(initialState(), { type: "start" }, { type: "conclude" });
    expect(concluded.status).toBe("concluded");
    expect(concluded.currentPoint).toBeNull();
    expect(transition(concluded, { type: "next" })).toEqual({ ok: false, reason: "not_running" });
    const approved = run(concluded, { type: "approve" });
    expect(transition(approved, { type: "approve" })).toEqual({ ok: false, reason: "already_approved" });
    const reopened = run(approved, { type: "reopen" });
    expect(reopened.status).toBe("running");
    expect(reopened.currentPoint).toBe(11);
  });
});

describe("the completeness check", () => {
  const cooperation = {
    point: 9,
    kind: "cooperation_plan" as const,
    data: {
      meetingInterval: "kvartal",
      convener: "Mette",
      acuteHandling: "ring",
      informAmo: "kanal",
      informEveryone: "intra",
    },
  };
  const goal = {
    point: 8,
    kind: "goal" as const,
    data: { text: "Mål", successCriterion: "Kriterium", deadline: "2027-05-01" },
  };

  it("lists the legal minimum, the yearly duties and good practice apart, each in agenda order", () => {
    const result = checkCompleteness({ headcount: 20, carriedGoalIds: [], firstYear: false, entries: [] });
    expect(result.complete).toBe(false);
    expect(result.legal).toEqual([
      "last_year_goals_assessed",
      "coming_year_planned",
      "goals_set",
      "meeting_interval",
      "supplementary_training_discussed",
    ]);
    expect(result.duties).toEqual(["accident_overview"]);
    expect(result.goodPractice).toEqual([
      "minute_taker",
      "apv_status",
      "instruction",
      "convener",
      "acute_handling",
      "information",
    ]);
  });

  it("asks small workplaces about expertise instead of AMO training", () => {
    const result = checkCompleteness({ headcount: 5, carriedGoalIds: [], firstYear: false, entries: [] });
    expect(result.legal).toContain("expertise_discussed");
    expect(result.legal).not.toContain("supplementary_training_discussed");
  });

  it("asks small workplaces how everyone is kept informed, with no AMO to inform", () => {
    const { informAmo: _, ...plan } = cooperation.data;
    const entries = [{ ...cooperation, data: plan }];
    const small = checkCompleteness({ headcount: 5, carriedGoalIds: [], firstYear: false, entries });
    expect(small.goodPractice).not.toContain("information");
    expect(small.goodPractice).not.toContain("information_everyone");
    const none = checkCompleteness({ headcount: 5, carriedGoalIds: [], firstYear: false, entries: [] });
    expect(none.goodPractice).toContain("information_everyone");
    expect(none.goodPractice).not.toContain("information");
    const amo = checkCompleteness({ headcount: 20, carriedGoalIds: [], firstYear: false, entries });
    expect(amo.goodPractice).toContain("information");
    expect(amo.goodPractice).not.toContain("information_everyone");
  });

  it("calls the convener, acute handling and information good practice, never law", () => {
    const plan = { ...cooperation, data: { meetingInterval: "Hver måned" } } as never;
    const result = checkCompleteness({
      headcount: 20,
      carriedGoalIds: [],
      firstYear: false,
      entries: [plan],
    });
    expect(result.legal).not.toContain("meeting_interval");
    for (const advice of ["convener", "acute_handling", "information"] as const) {
      expect(result.legal as string[]).not.toContain(advice);
      expect(result.goodPractice).toContain(advice);
    }
  });

  it("asks how last year's goals went in a first year too, until something is said at point 7", () => {
    const first = checkCompleteness({ headcount: 20, carriedGoalIds: [], firstYear: true, entries: [] });
    expect(first.legal).toContain("last_year_goals_assessed");
    expect(first.firstYear).toBe(true);
    const said = checkCompleteness({
      headcount: 20,
      carriedGoalIds: [],
      firstYear: true,
      entries: [{ point: 7, kind: "note", data: { text: "Sidste års mål var på papir og er nået." } }],
    });
    expect(said.legal).not.toContain("last_year_goals_assessed");
    expect(said.firstYear).toBe(false);
    const later = checkCompleteness({ headcount: 20, carriedGoalIds: [], firstYear: false, entries: [] });
    expect(later.legal).toContain("last_year_goals_assessed");
    expect(later.firstYear).toBe(false);
  });

  it("needs a verdict on every carried goal", () => {
    const verdict = {
      point: 7,
      kind: "goal_verdict" as const,
      data: { goalId: "g1", goalText: "x", verdict: "reached" as const, carryOn: false },
    };
    const base = { headcount: 5, firstYear: false, entries: [cooperation, goal, verdict] };
    expect(checkCompleteness({ ...base, carriedGoalIds: ["g1", "g2"] }).legal).toContain(
      "last_year_goals_assessed",
    );
    expect(checkCompleteness({ ...base, carriedGoalIds: ["g1"] }).legal).not.toContain(
      "last_year_goals_assessed",
    );
  });

  it("is complete when every requirement is met", () => {
    const result = checkCompleteness({
      headcount: 5,
      carriedGoalIds: [],
      firstYear: false,
      entries: [
        cooperation,
        goal,
        { point: 8, kind: "focus_area", data: { area: "Støj", actions: "Måle" } },
        { point: 7, kind: "note", data: { text: "Målene er nået" } },
        { point: 10, kind: "competences", data: { expertisePresent: "yes" } },
        { point: 1, kind: "minute_taker", data: { person: { name: "Ali" } } },
        {
          point: 6,
          kind: "accident_overview",
          data: {
            accidents: 0,
            nearMisses: 0,
            poisonings: 0,
            healthDamage: 0,
            causesInvestigated: "none_occurred",
            preventionWorked: "not_assessed",
          },
        },
        { point: 4, kind: "note", data: { text: "APV ok" } },
        { point: 5, kind: "note", data: { text: "Instruktion ok" } },
      ],
    });
    expect(result).toEqual({ complete: true, legal: [], duties: [], goodPractice: [], firstYear: false });
  });
});

describe("entry validation", () => {
  it("accepts a goal and trims its text", () => {
    const r = validateEntry("goal", {
      text: "  Mindre støj ",
      successCriterion: "Under 55 dB",
      deadline: "2027-04-30",
    });
    expect(r).toEqual({
      ok: true,
      value: { text: "Mindre støj", successCriterion: "Under 55 dB", deadline: "2027-04-30" },
    });
  });
  it("names each bad field", () => {
    const r = validateEntry("decision", { text: "", deadline: "2027-02-30", extra: 1 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual({
      text: { code: "required" },
      owner: { code: "required" },
      deadline: { code: "invalid_date" },
      extra: { code: "unknown_field" },
    });
  });
  it("keeps accident figures as numbers and refuses negative ones", () => {
    const ok = validateEntry("accident_overview", {
      accidents: "2",
      nearMisses: 0,
      poisonings: 0,
      healthDamage: 0,
      causesInvestigated: "yes",
      preventionWorked: "yes",
    });
    expect(ok.ok && ok.value.accidents).toBe(2);
    const bad = validateEntry("accident_overview", {
      accidents: -1,
      nearMisses: "x",
      poisonings: 0,
      healthDamage: 0,
      causesInvestigated: "maybe",
      preventionWorked: "yes",
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.problems).sort()).toEqual(["accidents", "causesInvestigated", "nearMisses"]);
  });
  it("needs a reason when a goal was not reached", () => {
    const r = validateEntry("goal_verdict", { goalText: "x", verdict: "not_reached", carryOn: true });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.reason).toEqual({ code: "reason_required" });
  });
});

describe("dates", () => {
  it("reads Danish date formats and refuses impossible dates", () => {
    expect(parseUserDate("24/11/2026")).toBe("2026-11-24");
    expect(parseUserDate("1.2.2027")).toBe("2027-02-01");
    expect(parseUserDate("31/02/2027")).toBeNull();
    expect(parseUserDate("24/11/10000")).toBeNull();
    expect(parseUserDate("i morgen")).toBeNull();
  });
  it("turns a Copenhagen wall time into the right instant across summer time", () => {
    expect(localDateTime("2026-03-28", "10:00", "Europe/Copenhagen")?.toISOString()).toBe(
      "2026-03-28T09:00:00.000Z",
    );
    expect(localDateTime("2026-03-30", "10:00", "Europe/Copenhagen")?.toISOString()).toBe(
      "2026-03-30T08:00:00.000Z",
    );
    expect(localDateTime("2026-03-29", "02:30", "Europe/Copenhagen")).toBeNull();
    expect(localDateTime("2026-03-29", "25:00", "Europe/Copenhagen")).toBeNull();
  });
});

describe("Markdown text", () => {
  it("escapes formatting and folds line breaks", () => {
    expect(mdText("*fed* <b> [link](x)\nny linje")).toBe("\\*fed\\* \\<b\\> \\[link\\](x) ny linje");
  });
});

describe("the written summary in English", () => {
  it("answers the guidance's after-the-discussion points in the workspace's language", async () => {
    const { summaryDocument } = await import("../../src/domain/summary.ts");
    const { renderMarkdown } = await import("../../src/domain/summary-markdown.ts");
    const doc = summaryDocument({
      language: "en",
      command: "/arbejdsmiljø",
      workspaceName: "Office Ltd",
      year: 2026,
      status: "concluded",
      heldAt: new Date("2026-12-10T09:00:00Z"),
      timeZone: "Europe/Copenhagen",
      location: null,
      channelName: "C_AMO",
      headcount: 12,
      participants: [{ name: "Mette Hansen", role: "employer" }],
      points: [],
      entries: [
        {
          id: "g1",
          point: 8,
          kind: "goal",
          data: { text: "Less noise", successCriterion: "Below 55 dB in April" },
          status: "open",
        },
      ],
      completeness: { complete: false, legal: ["meeting_interval"], duties: [], goodPractice: [] },
      concludedBy: "Mette Hansen",
      overrideReason: "Continued in January",
      version: 1,
      lastYearGoals: [],
    });
    const md = renderMarkdown(doc);
    for (const heading of [
      "# Minutes of the annual working-environment discussion 2026",
      "### How we cooperate in the coming year",
      "### Decisions",
      "### How we follow up",
      "### Where to find it again",
      "### Goals for the coming year, and how we judge whether they are reached",
    ]) {
      expect(md).toContain(heading);
    }
    expect(md).toContain("- Less noise (Open)");
    expect(md).toContain("  - success criterion: Below 55 dB in April");
    expect(md).toContain("10 December 2026 at 10:00");
    expect(md).toContain("How you cooperate and how often you meet has not been decided (point 9)");
    expect(md).toContain(
      "Concluded by Mette Hansen although something was missing. Reason: Continued in January",
    );
  });
});
