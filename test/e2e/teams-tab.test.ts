import { request } from "node:http";
import { describe, expect, it } from "vitest";
import type { TabView } from "../../adapters/teams/tab/view.ts";
import { uniqueId } from "../helpers/db.ts";
import { EMPLOYER, LEADER, NOW, REP, teamsApp } from "../helpers/teams-app.ts";
import { cardOf, cardText, type Posted } from "../helpers/teams-connector.ts";
import { APP_ID, type EntraFault, entraToken, newSigningKey } from "../helpers/teams-identity.ts";
import { holdDiscussion } from "../helpers/teams-tab.ts";

const TENANT = uniqueId("tenant-");
const OTHER_TENANT = uniqueId("tenant-");
const BARE_TENANT = uniqueId("tenant-");
const PERSONAL_TENANT = uniqueId("tenant-");
const NEXT_YEAR_TENANT = uniqueId("tenant-");
const STRANGER = { id: "aad-stranger", name: "Kim Fremmed" };

/** The Action.OpenUrl buttons of a card, wherever they sit. */
function openUrls(card: unknown): { title: string; url: string }[] {
  const found: { title: string; url: string }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if (o.type === "Action.OpenUrl") found.push({ title: String(o.title), url: String(o.url) });
    for (const value of Object.values(o)) if (typeof value === "object") walk(value);
  };
  walk(card);
  return found;
}

/** The data route's answer, as the tab's page reads it. */
type TabData = TabView;

describe("the Teams tab: the referat, its approvals and the follow-up, for those on the roster", () => {
  let now = NOW;
  const app = teamsApp({
    now: () => now,
    env: {
      MICROSOFT_ALLOWED_TENANTS: [TENANT, OTHER_TENANT, BARE_TENANT, PERSONAL_TENANT, NEXT_YEAR_TENANT].join(
        ",",
      ),
    },
  });
  const { connector } = app;

  const data = (token: string | null, query = "") =>
    fetch(
      `${app.url}/teams/tab/data${query}`,
      token ? { headers: { authorization: `Bearer ${token}` } } : {},
    );
  const as = (tenantId: string, user: { id: string; name: string }, fault?: EntraFault) =>
    entraToken({ tenantId, userId: user.id, name: user.name }, fault);

  const held = (tenant: string, decision: string) => holdDiscussion(app, tenant, decision);

  it("serves the page and its configuration page, which load Teams' library and their script", async () => {
    const page = await fetch(`${app.url}/teams/tab`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors teams.microsoft.com");
    const html = await page.text();
    expect(html).toContain('<script src="/teams/tab/teams.js" defer></script>');
    expect(html).toContain('<script src="/teams/tab/tab.js" defer></script>');
    expect(html).toContain("Årlig arbejdsmiljødrøftelse");
    expect(html).toContain("Annual working-environment discussion");
    const config = await (await fetch(`${app.url}/teams/tab/config`)).text();
    expect(config).toContain('<script src="/teams/tab/config.js" defer></script>');
    expect(config).toContain('"entityId":"arbejdsmiljo-referat"');
    for (const [path, has] of [
      ["/teams/tab/teams.js", "microsoftTeams"],
      ["/teams/tab/tab.js", "getAuthToken"],
      ["/teams/tab/config.js", "setValidityState(true)"],
      ["/teams/tab/tab.css", "follow-up"],
    ]) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toContain(has);
    }
  });

  it("shows a member the referat, its status and approvals, and the follow-up; others see nothing", async () => {
    const { teams, workspace, discussionId, decisionId, ctx } = await held(
      TENANT,
      "Indkøb af lydabsorbenter",
    );
    const core = app.server.core;

    // The summary posted in the channel says it is kept in the tab, with a deep link to the channel's tab.
    const summary = (await connector.waitFor("Referat af den årlige arbejdsmiljødrøftelse 2026")) as Posted;
    expect(summary.conversation).toBe(teams.channel);
    const card = cardOf(summary.activity);
    expect(cardText(card)).toContain("Referatet ligger fast på fanen Referat i kanalen");
    const link = openUrls(card).find((a) => a.title === "Åbn fanen Referat");
    expect(link).toBeDefined();
    const url = new URL(link!.url);
    expect(`${url.origin}${url.pathname}`).toBe(
      `https://teams.microsoft.com/l/entity/${APP_ID}/arbejdsmiljo-referat`,
    );
    expect(JSON.parse(url.searchParams.get("context") ?? "{}")).toEqual({ channelId: teams.channel });
    // An approver's own card (Teams' refresh) says so too.
    const own = await teams.invoke(REP, card!.refresh!.action, {}, { trigger: "automatic" });
    expect(openUrls(own.body.value).map((a) => a.url)).toContain(link!.url);

    await core.approve(ctx, { discussionId, version: 1 }, null);
    await core.approve(
      { workspace, actor: { userId: REP.id, name: REP.name } },
      { discussionId, version: 1 },
      null,
    );
    await core.setEntryStatus(ctx, { entryId: decisionId, status: "done" }, null);

    // A member of the workplace, in Danish (Teams' locale) in the discussion's channel.
    const res = await data(as(TENANT, REP), `?locale=da-DK&channel=${encodeURIComponent(teams.channel)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const view = (await res.json()) as TabData;
    const record = view.record!;
    expect(record.year).toBe(2026);
    expect([record.status, record.approved, record.version]).toEqual(["approved", true, 1]);
    expect(record.approvals.map((a) => [a.name, a.role]).sort()).toEqual([
      ["Ali Nielsen", "Arbejdsmiljørepræsentant"],
      ["Mette Hansen", "Arbejdsgiver"],
    ]);
    const first = record.statusSection.blocks[0];
    const facts = first?.type === "facts" ? first.facts : [];
    expect(facts[0]).toEqual({ label: "Status", value: "Godkendt" });
    expect(facts.map((f) => f.value).join(" ")).toMatch(/Godkendt af Mette Hansen \(Arbejdsgiver\)/);
    expect(record.outline.title).toBe("Referat af den årlige arbejdsmiljødrøftelse 2026");
    expect(JSON.stringify(record.outline)).toContain("Indkøb af lydabsorbenter");
    expect(record.heldElsewhere).toBeNull();
    expect(view.followUp.map((f) => [f.kind, f.text, f.owner, f.deadline, f.status])).toEqual([
      ["decision", "Indkøb af lydabsorbenter", LEADER.name, "2027-02-01", "done"],
      ["goal", "Mindre støj", null, "2027-05-01", "open"],
    ]);
    expect(view.followUp[0]?.facts).toEqual([
      { label: "Ansvarlig", value: "Søren Østergaard" },
      { label: "Frist", value: "1. februar 2027" },
      { label: "Status", value: "Gennemført" },
    ]);

    // In English where Teams' locale is English; the tab in another channel says where the discussion is held.
    const english = (await (
      await data(as(TENANT, EMPLOYER), "?locale=en-US&channel=19%3Aelsewhere%40thread.tacv2")
    ).json()) as TabData;
    expect(english.language).toBe("en");
    expect(english.record?.statusSection.title).toBe("Status and approval");
    expect(english.followUp[1]?.facts[0]).toEqual({ label: "Owner", value: "not given" });
    expect(english.record?.heldElsewhere).toBe("Kontoret");

    // Someone of the tenant who is not on the workplace's roster sees nothing of it.
    const stranger = await data(as(TENANT, STRANGER));
    expect(stranger.status).toBe(403);
    const refusal = await stranger.text();
    expect(JSON.parse(refusal).reason).toBe("not_on_roster");
    expect(refusal).toContain("Du står ikke på arbejdspladsens liste");
    expect(refusal).not.toContain("lydabsorbenter");

    // Another tenant's workplace shows its own discussion alone, even to a person of the same id.
    await held(OTHER_TENANT, "Nye skriveborde");
    const other = (await (await data(as(OTHER_TENANT, REP))).json()) as TabData;
    expect(JSON.stringify(other)).toContain("Nye skriveborde");
    expect(JSON.stringify(other)).not.toContain("lydabsorbenter");

    // An allowed tenant that has no workplace gets a plain answer, and none is made for it.
    const bare = await data(as(BARE_TENANT, REP));
    expect(bare.status).toBe(403);
    expect(((await bare.json()) as { reason: string }).reason).toBe("not_set_up");
    expect(await app.server.core.knownContext("teams", BARE_TENANT, { userId: REP.id, name: "" })).toBeNull();
  }, 60_000);

  it("answers 401 to a missing, forged, expired, foreign or wrongly aimed token", async () => {
    const member = { id: EMPLOYER.id, name: EMPLOYER.name };
    const refused: [string, string | null][] = [
      ["no token", null],
      ["not a JWT", "not-a-jwt"],
      ["another key's signature", as(TENANT, member, { key: newSigningKey() })],
      ["expired", as(TENANT, member, { expiresIn: -120 })],
      ["another app's audience", as(TENANT, member, { audience: "00000000-0000-4000-8000-0000000000ff" })],
      [
        "an issuer of another tenant",
        as(TENANT, member, { issuer: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }),
      ],
      ["without the tab's scope", as(TENANT, member, { scope: "User.Read" })],
      [
        "asked for by another client than Teams",
        as(TENANT, member, { client: "00000000-0000-4000-8000-0000000000aa" }),
      ],
      ["a v1.0 issuer", as(TENANT, member, { issuer: `https://sts.windows.net/${TENANT}/` })],
      // An application id URI names the app only by a host anyone may claim, so it is no audience of ours.
      [
        "an api:// audience with our id in it",
        as(TENANT, member, { audience: `api://evil.example/${APP_ID}` }),
      ],
      ["a tenant not allowed", as(uniqueId("tenant-"), member)],
    ];
    for (const [what, token] of refused) {
      const res = await data(token);
      expect(res.status, what).toBe(401);
      const body = (await res.json()) as { reason: string; message: string };
      expect(body.reason, what).toBe("refused");
      expect(body.message, what).toContain("Din adgang kunne ikke bekræftes");
    }
    // Nor does the Host header the request names make such an audience good.
    const forged = await new Promise<number>((resolve, reject) => {
      const token = as(TENANT, member, { audience: `api://evil.example/${APP_ID}` });
      const req = request(`${app.url}/teams/tab/data`, {
        headers: { host: "evil.example", authorization: `Bearer ${token}` },
      });
      req.on("response", (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end();
    });
    expect(forged).toBe(401);
  });

  it("links the summary asked for in a personal chat to the app's own tab", async () => {
    const { teams } = await held(PERSONAL_TENANT, "Ny kaffemaskine");
    const chat = `a:personal-${EMPLOYER.id}-${PERSONAL_TENANT}`;
    const asked = await teams.post({
      ...teams.base(EMPLOYER, chat, "personal"),
      type: "message",
      id: teams.nextId(),
      text: "referat",
    });
    expect(asked.status).toBe(200);
    const until = Date.now() + 5000;
    let answer: Posted | undefined;
    while (!answer && Date.now() < until) {
      answer = connector.in(chat).find((m) => cardText(cardOf(m.activity)).includes("Ny kaffemaskine"));
      if (!answer) await new Promise((r) => setTimeout(r, 20));
    }
    const card = cardOf(answer!.activity);
    expect(cardText(card)).toContain("Referatet ligger også på fanen Referat i appen Arbejdsmiljø");
    expect(openUrls(card).map((a) => a.url)).toEqual([
      `https://teams.microsoft.com/l/entity/${APP_ID}/referat`,
    ]);
  });

  it("keeps last year's referat and the open follow-up in view while this year's discussion is planned", async () => {
    const { ctx } = await held(NEXT_YEAR_TENANT, "Nye stole i kantinen");
    now = new Date("2027-10-01T09:00:00Z");
    try {
      await app.server.core.schedule(ctx, { date: "2027-11-10", time: "10:00" }, null);
      const res = await data(as(NEXT_YEAR_TENANT, { id: LEADER.id, name: LEADER.name }));
      expect(res.status).toBe(200);
      const view = (await res.json()) as TabData;
      expect(view.record?.year).toBe(2026);
      expect(view.notice).toContain("Årets drøftelse er planlagt til 10. november 2027");
      expect(view.followUp.map((f) => f.text)).toContain("Nye stole i kantinen");
    } finally {
      now = NOW;
    }
  });
});
