import type { Core } from "../../src/app/index.ts";
import type { Discussion } from "../../src/domain/entities.ts";
import { setUpWorkspace } from "./core.ts";

type Team = Awaited<ReturnType<typeof setUpWorkspace>>;

/** Walks a started discussion through all eleven points with a typical answer at each, ending at point 11. */
export async function holdWholeDiscussion(core: Core, team: Team, started: Discussion): Promise<Discussion> {
  const { employer, rep } = team;
  let discussion = started;
  const id = discussion.id;
  const rec = (point: number, kind: string, data: unknown, actor = employer) =>
    core.record(actor, { discussionId: id, point, kind, data }, null);
  const next = async () => {
    ({ discussion } = await core.move(
      employer,
      { discussionId: id, expectedVersion: discussion.version, move: { type: "next" } },
      null,
    ));
  };
  await rec(1, "minute_taker", { person: { id: "U_REP", name: "Ali Nielsen" } });
  await next();
  await rec(2, "amo_member", {
    person: { name: "Ali Nielsen" },
    role: "amo_representative",
    joinedOn: "2026-03-01",
  });
  await next();
  await rec(3, "note", { text: "Vi flytter til nye lokaler i foråret; AMO inddrages i indretningen." });
  await next();
  await rec(4, "apv_status", {
    lastApvDate: "2025-05-01",
    actionPlanStatus: "Handlingsplanen er gennemført på nær støj.",
  });
  await next();
  await rec(5, "note", { text: "Nyansatte får en tjekliste om arbejdsmiljø den første uge." }, rep);
  await next();
  await rec(6, "accident_overview", {
    accidents: 1,
    nearMisses: 3,
    poisonings: 0,
    healthDamage: 0,
    causesInvestigated: "yes",
    preventionWorked: "partly",
  });
  await next();
  await rec(7, "note", {
    text: "Første år med botten; sidste års mål blev gennemgået mundtligt og er nået.",
  });
  await next();
  await rec(8, "focus_area", { area: "Støj i storrummet", actions: "Måle støj og opsætte lydabsorbenter." });
  await rec(8, "goal", {
    text: "Mindre støj i storrummet",
    successCriterion: "Under 55 dB målt i april",
    deadline: "2027-05-01",
    owner: { id: "U_LEADER", name: "Søren Østergaard" },
  });
  await rec(8, "decision", {
    text: "Indkøb af lydabsorbenter",
    owner: { name: "Mette Hansen" },
    deadline: "2027-02-01",
  });
  await next();
  await rec(9, "cooperation_plan", {
    meetingInterval: "Hvert kvartal",
    convener: "Mette Hansen",
    acuteHandling: "Ring til arbejdsmiljørepræsentanten samme dag",
    informAmo: "Fælles kanal i Slack",
    informEveryone: "Kort punkt på personalemødet",
  });
  await next();
  await rec(10, "competences", {
    supplementaryTraining: "Ali tager 2 dages supplerende uddannelse i foråret.",
  });
  await next();
  return discussion;
}

/** A workspace set up, its discussion held through all eleven points and concluded: version 1 of its referat. */
export async function concludedDiscussion(core: Core) {
  const team = await setUpWorkspace(core);
  const { discussion: started } = await core.start(team.employer, {}, null);
  const discussion = await holdWholeDiscussion(core, team, started);
  const result = await core.conclude(
    team.employer,
    { discussionId: discussion.id, expectedVersion: discussion.version },
    null,
  );
  if (!result.concluded) throw new Error("not concluded");
  return { ...team, discussion: result.discussion };
}
