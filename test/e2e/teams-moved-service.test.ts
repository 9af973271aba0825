import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REP, teamsApp } from "../helpers/teams-app.ts";
import { FakeConnector } from "../helpers/teams-connector.ts";
import { TeamsDriver } from "../helpers/teams-driver.ts";
import { waitFor } from "../helpers/wait.ts";

/**
 * Microsoft may move a conversation to another Bot Connector address; the activities then carry the new one. A meeting
 * held with the cards' buttons alone must follow it: the refresh after a click goes where the click came from.
 */
describe("Teams: the Bot Connector's address moves during a meeting", () => {
  const app = teamsApp();
  const moved = new FakeConnector();
  beforeAll(() => moved.start());
  afterAll(() => moved.stop());

  it("sends the channel's refresh after a card click to the address that click came from", async () => {
    const { teams } = await app.setUp();
    const { point1, discussionId } = await app.start(teams);
    moved.appId = app.connector.appId;
    const there = new TeamsDriver(app.url, moved, teams.tenantId, teams.channel, teams.teamId);
    const before = app.connector.calls.length;
    const saved = await there.invoke(
      REP,
      { verb: "entry_form", data: { d: discussionId, p: 1, k: "note" } },
      { "f.text": "Skrevet efter flytningen" },
    );
    expect(saved.status).toBe(200);
    await waitFor(() => moved.calls.some((c) => c.kind === "update" && c.activityId === point1.id));
    expect(app.connector.calls.slice(before).filter((c) => c.kind === "update")).toEqual([]);
    expect(moved.problems).toEqual([]);
  });
});
