import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { EMPLOYER, LEADER, REP, SlackApp, texts, waitFor } from "../helpers/slack-app.ts";
import type { SlackDriver } from "../helpers/slack-driver.ts";

/** The newest button `actionId` on agenda point `point`'s message. */
function pointButton(slack: SlackDriver, actionId: string, point: number): string {
  for (const call of [...slack.fake.calls].reverse()) {
    if (!["chat.postMessage", "chat.update"].includes(call.method)) continue;
    for (const block of (call.args.blocks as { elements?: { action_id?: string; value?: string }[] }[]) ??
      []) {
      for (const el of block.elements ?? []) {
        if (el.action_id === actionId && el.value && JSON.parse(el.value).p === point) return el.value;
      }
    }
  }
  throw new Error(`no ${actionId} button on point ${point}`);
}

/** Every point's own form, through its button and its modal, into the stored entry and back onto the point's message. */
describe("Slack: the agenda points' own forms", () => {
  const app = new SlackApp();
  beforeAll(() => app.start(() => new Date("2026-11-24T09:00:00Z")));
  afterAll(() => app.stop());
  afterEach(() => expect(app.fake.refused().map((c) => c.method)).toEqual([]));

  it("records minute-taker, AMO member, APV, accidents, verdict, focus area, cooperation and competences", async () => {
    const { slack, workspace, discussion } = await app.started();
    const { fake } = app;

    /** Opens point `point`'s form, checks its title, submits `values`, and returns the point message's update. */
    async function form(point: number, title: string, values: Record<string, unknown>) {
      const opened = await fake.after("views.open", () =>
        slack.click(EMPLOYER, "point_form", pointButton(slack, "point_form", point)),
      );
      const view = opened.args.view as Record<string, unknown>;
      expect(view.title).toMatchObject({ text: title });
      const from = fake.calls.length;
      const res = await slack.submit(EMPLOYER, view, values);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe("");
      return fake.until(
        "chat.update",
        (c) => JSON.stringify(c.args.blocks ?? []).includes(`"p\\":${point}`),
        from,
      );
    }
    const next = (point: number) =>
      fake.after("chat.postMessage", () =>
        slack.click(EMPLOYER, "point_next", pointButton(slack, "point_next", point)),
      );

    // Point 1 also asks who is present, with everyone invited (here the whole roster) chosen at first.
    const minutes = (
      await fake.after("views.open", () =>
        slack.click(EMPLOYER, "point_form", pointButton(slack, "point_form", 1)),
      )
    ).args.view as { blocks: { block_id?: string; element?: Record<string, unknown> }[] };
    expect(minutes.blocks.find((b) => b.block_id === "attendees")?.element).toMatchObject({
      type: "multi_users_select",
      initial_users: expect.arrayContaining([EMPLOYER.id, REP.id, LEADER.id]),
    });
    const present = await form(1, "Vælg referent", {
      person: REP.id,
      attendees: [EMPLOYER.id, REP.id],
      "attendees.names": "Gæst Jensen",
    });
    expect(texts(present)).toContain(`Til stede: ${EMPLOYER.name}, ${REP.name}, Gæst Jensen`);
    await next(1);
    expect(
      texts(
        await form(2, "Nyt medlem af AMO", {
          person: LEADER.id,
          role: "work_leader",
          joinedOn: "2026-09-01",
        }),
      ),
    ).toContain("Søren Østergaard");
    await next(2);
    await next(3);
    const apv = await form(4, "Status på APV", {
      lastApvDate: "2025-03-01",
      actionPlanStatus: "Handlingsplanen er gennemført for støj",
      nextApvPlanned: "2027-03-01",
      "action.1.text": "Lydabsorbenter i mødelokalet",
      "action.1.owner": LEADER.id,
      "action.1.deadline": "2027-02-01",
    });
    // The action plan's item is a decision at point 4, shown there with its status.
    expect(texts(apv)).toContain("Lydabsorbenter i mødelokalet (Åben)");
    await next(4);
    await next(5);
    const accidents = await form(6, "Oversigt over ulykker", {
      accidents: 2,
      nearMisses: 5,
      poisonings: 0,
      healthDamage: 1,
      causesInvestigated: "partly",
      preventionWorked: "yes",
    });
    expect(texts(accidents)).toContain("2");
    await next(6);
    await form(7, "Vurdér sidste års mål", {
      goalText: "Færre sygedage",
      verdict: "partly",
      reason: "Influenza i februar",
      carryOn: "yes",
    });
    await next(7);
    await form(8, "Fokusområde", { area: "Psykisk arbejdsmiljø", actions: "Trivselsmåling i marts" });
    await next(8);
    await form(9, "Samarbejdet næste år", {
      meetingInterval: "Hver 3. måned",
      convener: "Mette Hansen",
      acuteHandling: "Ring til arbejdsmiljørepræsentanten",
      informAmo: "Referat på intranettet",
      informEveryone: "Punkt på personalemødet",
    });
    expect(JSON.stringify(fake.last("views.open")?.args.view)).toContain("Samarbejdet i det kommende år");
    await next(9);
    const competences = await form(10, "Kompetencer, uddannelse", {
      supplementaryTraining: "1,5 dag om psykisk arbejdsmiljø",
      [`member.${REP.id}.firstCourseDone`]: "yes",
      [`member.${REP.id}.supplementaryOffered`]: "yes",
      [`member.${REP.id}.supplementaryTakenDays`]: "1,5",
      [`member.${REP.id}.supplementaryPlanned`]: "Maj 2027",
    });
    // Point 10 shows a row per member: role, joined, the course, this year's supplementary training.
    expect(texts(competences)).toContain(
      "Søren Østergaard (Arbejdsleder, indtrådt 1. september 2026): den obligatoriske arbejdsmiljøuddannelse (3 dage): ikke oplyst; supplerende uddannelse i år: ikke oplyst",
    );
    expect(texts(competences)).toContain(
      "Ali Nielsen (Arbejdsmiljørepræsentant): den obligatoriske arbejdsmiljøuddannelse (3 dage) er gennemført; supplerende uddannelse tilbudt i år; 1,5 dag taget i år; planlagt: Maj 2027",
    );

    const stored = Object.fromEntries(
      (await app.entries(workspace.id, discussion.id)).map((e) => [e.kind, { point: e.point, data: e.data }]),
    );
    expect(stored.minute_taker).toEqual({
      point: 1,
      data: {
        person: { id: REP.id, name: REP.name },
        attendees: [
          { id: EMPLOYER.id, name: EMPLOYER.name },
          { id: REP.id, name: REP.name },
          { name: "Gæst Jensen" },
        ],
      },
    });
    expect(stored.amo_member).toEqual({
      point: 2,
      data: { person: { id: LEADER.id, name: LEADER.name }, role: "work_leader", joinedOn: "2026-09-01" },
    });
    const action = {
      text: "Lydabsorbenter i mødelokalet",
      owner: { id: LEADER.id, name: LEADER.name },
      deadline: "2027-02-01",
    };
    expect(stored.apv_status?.data).toEqual({
      lastApvDate: "2025-03-01",
      actionPlanStatus: "Handlingsplanen er gennemført for støj",
      nextApvPlanned: "2027-03-01",
      actions: [action],
    });
    expect(stored.decision).toEqual({ point: 4, data: action });
    expect(stored.accident_overview?.data).toEqual({
      accidents: 2,
      nearMisses: 5,
      poisonings: 0,
      healthDamage: 1,
      causesInvestigated: "partly",
      preventionWorked: "yes",
    });
    expect(stored.goal_verdict?.data).toEqual({
      goalText: "Færre sygedage",
      verdict: "partly",
      reason: "Influenza i februar",
      carryOn: true,
    });
    expect(stored.focus_area?.data).toEqual({
      area: "Psykisk arbejdsmiljø",
      actions: "Trivselsmåling i marts",
    });
    expect(stored.cooperation_plan?.data).toMatchObject({
      meetingInterval: "Hver 3. måned",
      convener: "Mette Hansen",
    });
    expect(stored.competences?.data).toEqual({
      supplementaryTraining: "1,5 dag om psykisk arbejdsmiljø",
      members: [
        { person: { id: LEADER.id, name: LEADER.name }, role: "work_leader", joinedOn: "2026-09-01" },
        {
          person: { id: REP.id, name: REP.name },
          role: "amo_representative",
          firstCourseDone: true,
          supplementaryOffered: true,
          supplementaryTakenDays: 1.5,
          supplementaryPlanned: "Maj 2027",
        },
      ],
    });
  });

  it("shows refused fields inline in the modal, in Danish, and stores nothing", async () => {
    const { slack, workspace, discussion } = await app.started();
    const { fake } = app;
    const open = async (actionId: string) =>
      (await fake.after("views.open", () => slack.click(EMPLOYER, actionId, pointButton(slack, actionId, 1))))
        .args.view as Record<string, unknown>;

    const decisionForm = await open("point_decision");
    // The form says why a decision needs an owner and a deadline, and both are required fields.
    expect(JSON.stringify(decisionForm.blocks)).toContain(
      "En beslutning skal have en ansvarlig og en frist.",
    );
    const required = (decisionForm.blocks as { block_id?: string; optional?: boolean }[])
      .filter((b) => b.block_id === "owner" || b.block_id === "deadline")
      .map((b) => [b.block_id, b.optional]);
    expect(required).toEqual([
      ["owner", false],
      ["deadline", false],
    ]);
    const decision = await slack.submit(EMPLOYER, decisionForm, {
      text: "Nye stole",
      owner: EMPLOYER.id,
      deadline: "2020-01-01",
    });
    const errors = (await decision.json()) as { response_action: string; errors: Record<string, string> };
    expect(errors.response_action).toBe("errors");
    expect(Object.keys(errors.errors)).toEqual(["deadline"]);
    // Past, and a future example from the clock (24 November 2026 + two weeks), not a fixed one.
    expect(errors.errors.deadline).toBe("Datoen er passeret. Vælg en dato frem i tiden, fx 08-12-2026.");
    const ownerless = await slack.submit(EMPLOYER, decisionForm, {
      text: "Nye stole",
      deadline: "2027-01-10",
    });
    expect(await ownerless.json()).toMatchObject({
      response_action: "errors",
      errors: { owner: "Skal udfyldes." },
    });

    const verdict = await slack.submit(EMPLOYER, await open("point_goal"), { text: "Mindre støj" });
    expect(await verdict.json()).toMatchObject({
      response_action: "errors",
      errors: { successCriterion: expect.any(String) },
    });

    // A forged submit with a negative count (Slack's number input would not allow it) is refused the same way.
    await fake.after("chat.postMessage", () =>
      slack.click(EMPLOYER, "point_next", pointButton(slack, "point_next", 1)),
    );
    for (let point = 2; point < 6; point++)
      await fake.after("chat.postMessage", () =>
        slack.click(EMPLOYER, "point_next", pointButton(slack, "point_next", point)),
      );
    const accidents = (
      await fake.after("views.open", () =>
        slack.click(EMPLOYER, "point_form", pointButton(slack, "point_form", 6)),
      )
    ).args.view as Record<string, unknown>;
    const refused = await slack.submit(EMPLOYER, accidents, {
      accidents: -1,
      nearMisses: 0,
      poisonings: 0,
      healthDamage: 0,
      causesInvestigated: "yes",
      preventionWorked: "yes",
    });
    expect(await refused.json()).toMatchObject({
      response_action: "errors",
      errors: { accidents: expect.any(String) },
    });
    expect(await app.entries(workspace.id, discussion.id)).toEqual([]);
    // Figures and the answer on their causes that contradict each other are refused on the causes field.
    const contradictions = [
      [{ accidents: 3, causesInvestigated: "none_occurred" }, 'så "ingen hændelser" passer ikke.'],
      [
        { accidents: 0, causesInvestigated: "no" },
        "Alle tallene er 0, så der er ingen årsager at undersøge.",
      ],
    ] as const;
    for (const [values, says] of contradictions) {
      const answer = await slack.submit(EMPLOYER, accidents, {
        nearMisses: 0,
        poisonings: 0,
        healthDamage: 0,
        preventionWorked: "not_assessed",
        ...values,
      });
      const shown = (await answer.json()) as { response_action: string; errors: Record<string, string> };
      expect(shown.response_action).toBe("errors");
      expect(Object.keys(shown.errors)).toEqual(["causesInvestigated"]);
      expect(shown.errors.causesInvestigated).toContain(says);
    }
    expect(await app.entries(workspace.id, discussion.id)).toEqual([]);

    // Free text that names someone on the roster, or reads as a diagnosis, is refused with the reason and a way to
    // write it instead; the numbers alone are kept out too, so nothing half-written is stored.
    const counts = {
      accidents: 1,
      nearMisses: 0,
      poisonings: 0,
      healthDamage: 0,
      causesInvestigated: "yes",
      preventionWorked: "yes",
    };
    const named = await slack.submit(EMPLOYER, accidents, {
      ...counts,
      comment: "Ali Nielsen faldt på trappen og brækkede håndleddet",
    });
    const namedErrors = (await named.json()) as { response_action: string; errors: Record<string, string> };
    expect(namedErrors.response_action).toBe("errors");
    expect(namedErrors.errors.comment).toMatch(/^Teksten nævner en person\. Ulykker registreres uden navne/);
    expect(namedErrors.errors.comment).toContain("Skriv i stedet, hvad der skete, og hvorfor");
    const diagnosis = await slack.submit(EMPLOYER, accidents, {
      ...counts,
      comment: "En kollega faldt på trappen og brækkede håndleddet",
    });
    expect(((await diagnosis.json()) as { errors: Record<string, string> }).errors.comment).toMatch(
      /^Teksten beskriver en skade eller en diagnose\./,
    );
    expect(await app.entries(workspace.id, discussion.id)).toEqual([]);
    // Written as a cause, it is kept.
    const from = fake.calls.length;
    const kept = await slack.submit(EMPLOYER, accidents, {
      ...counts,
      comment: "Fald på vådt trin; skridsikre trin bestilt",
    });
    expect(await kept.text()).toBe("");
    await fake.until("chat.update", (c) => texts(c).includes("skridsikre trin"), from);
    expect((await app.entries(workspace.id, discussion.id)).map((e) => e.data)).toEqual([
      { ...counts, comment: "Fald på vådt trin; skridsikre trin bestilt" },
    ]);
  });

  it("tells a point 2 writer not on the employer's side, privately, that the setup is as it was", async () => {
    const { slack, workspace } = await app.started();
    const { fake } = app;
    await fake.after("chat.postMessage", () =>
      slack.click(EMPLOYER, "point_next", pointButton(slack, "point_next", 1)),
    );
    const form = async () =>
      (
        await fake.after("views.open", () =>
          slack.click(REP, "point_form", pointButton(slack, "point_form", 2)),
        )
      ).args.view as Record<string, unknown>;
    const saved =
      "Gemt i referatet. Opsætningen er ikke ændret, for nye medlemmer sættes på af arbejdsgiveren eller arbejdsgiverens repræsentant.";
    const told = await fake.afterDm(REP.id, async () =>
      slack.submit(REP, await form(), { person: LEADER.id, role: "amo_representative" }),
    );
    expect(told.args.text).toBe(saved);
    expect(await app.repos.members.roleOf(workspace.id, LEADER.id)).toBe("work_leader");
    // The channel's message could not be updated as well: that follows, without a second "Gemt".
    fake.failNext("chat.update", { status: 200, body: { ok: false, error: "channel_not_found" } });
    const from = fake.calls.length;
    const dms = () => fake.calls.slice(from).filter((c) => c.args.channel === REP.id);
    await slack.submit(REP, await form(), { person: REP.id, role: "amo_representative" });
    await waitFor(() => dms().length === 2);
    expect(dms().map((c) => c.args.text)).toEqual([
      saved,
      "Beskeden i kanalen kunne ikke opdateres lige nu; det sker ved næste handling.",
    ]);
  });

  it("skips a point and goes back to it", async () => {
    const { slack, workspace, discussion } = await app.started();
    const { fake } = app;
    await fake.after("chat.postMessage", () =>
      slack.click(EMPLOYER, "point_skip", pointButton(slack, "point_skip", 1)),
    );
    const skipped = await app.repos.discussions.agenda(workspace.id, discussion.id);
    expect(skipped.slice(0, 2).map((i) => i.status)).toEqual(["skipped", "active"]);
    const board = fake
      .of("chat.update")
      .filter((c) => String(c.args.text).startsWith("Årlig"))
      .at(-1);
    expect(texts(board)).toContain("⏭️ 1. Valg af referent");

    const from = fake.calls.length;
    await slack.click(EMPLOYER, "point_previous", pointButton(slack, "point_previous", 2));
    await fake.until(
      "chat.update",
      (c) => texts(c).includes("point_next") && texts(c).includes('\\"p\\":1'),
      from,
    );
    const back = await app.repos.discussions.get(workspace.id, discussion.id);
    expect(back?.currentPoint).toBe(1);
  });

  it("speaks English in an English workspace", async () => {
    const { slack } = await app.setUp("en");
    const answer = await app.fake.after("respond", () => slack.command(EMPLOYER, "flyt"));
    expect(String(answer.args.text)).toContain('"flyt"');
    expect(String(answer.args.text)).toMatch(/setup|help/);
    expect(String(answer.args.text)).not.toContain("Jeg kender ikke");
    const opened = await app.fake.after("views.open", () => slack.command(EMPLOYER, "plan"));
    expect(JSON.stringify(opened.args.view)).toContain("Date");
  });
});
