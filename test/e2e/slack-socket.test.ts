import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../adapters/index.ts";
import { slackAdapter } from "../../adapters/slack/index.ts";
import type { RunningServer } from "../../src/server.ts";
import { startServer } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { DRIVERS, uniqueId } from "../helpers/db.ts";
import { EMPLOYER, REP, waitFor } from "../helpers/slack-app.ts";
import { FakeSlack } from "../helpers/slack-fake.ts";
import { FakeSocketMode } from "../helpers/slack-socket.ts";

/** Socket Mode, as used for local development: no public URL, Slack delivers over a WebSocket the app opens. */
describe("Slack over Socket Mode", () => {
  const fake = new FakeSlack();
  const socket = new FakeSocketMode();
  let server: RunningServer;
  let db: Db;
  const team = uniqueId("T");

  beforeAll(async () => {
    await fake.start();
    fake.socketUrl = await socket.start();
    for (const u of [EMPLOYER, REP]) fake.names.set(u.id, u.name);
    db = await (DRIVERS.at(-1) as (typeof DRIVERS)[number]).open();
    const config = loadConfig({
      PORT: "0",
      SLACK_BOT_TOKEN: "xoxb-socket-token",
      SLACK_APP_TOKEN: "xapp-1-A1-socket",
      SLACK_API_URL: fake.url,
      LOG_LEVEL: "error",
    });
    server = await startServer(config, [slackAdapter], { db, scheduler: false });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
    await socket.stop();
    await fake.stop();
  });

  const command = (text: string) =>
    socket.deliver("slash_commands", {
      token: "legacy",
      team_id: team,
      team_domain: "kontoret",
      channel_id: "C_AMO",
      channel_name: "amo",
      user_id: EMPLOYER.id,
      user_name: EMPLOYER.name,
      command: "/arbejdsmiljø",
      text,
      api_app_id: "A1",
      response_url: `${fake.url.replace(/api\/$/, "")}respond/${randomUUID()}`,
      trigger_id: `trig-${randomUUID()}`,
    });

  it("connects with the app token, acks each envelope, and runs commands, modals and thread replies", async () => {
    expect(fake.of("apps.connections.open")[0]?.token).toBe("xapp-1-A1-socket");
    await waitFor(() => socket.connected === 1);

    // The setup modal opens, and its submit (an interactive envelope) stores the workspace.
    const from = fake.calls.length;
    const id = command("opsæt");
    await waitFor(() => socket.acks.some((a) => a.envelope_id === id));
    const opened = await fake.until("views.open", () => true, from);
    expect(opened.token).toBe("xoxb-socket-token");
    const view = opened.args.view as { callback_id: string; blocks: { block_id: string }[] };
    const submitted = socket.deliver("interactive", {
      type: "view_submission",
      team: { id: team, domain: "kontoret" },
      user: { id: EMPLOYER.id, name: EMPLOYER.name, team_id: team },
      api_app_id: "A1",
      view: {
        id: "V_SOCKET",
        type: "modal",
        team_id: team,
        callback_id: view.callback_id,
        private_metadata: "",
        state: {
          values: {
            headcount: { value: { type: "number_input", value: "6" } },
            employer: { value: { type: "users_select", selected_user: EMPLOYER.id } },
            representatives: { value: { type: "multi_users_select", selected_users: [REP.id] } },
            leaders: { value: { type: "multi_users_select", selected_users: [] } },
            channel: { value: { type: "conversations_select", selected_conversation: "C_AMO" } },
            timeZone: { value: { type: "static_select", selected_option: { value: "Europe/Copenhagen" } } },
            language: { value: { type: "static_select", selected_option: { value: "da" } } },
          },
        },
      },
    });
    await waitFor(() => socket.acks.some((a) => a.envelope_id === submitted));
    // The setup's work runs after the ack and ends with the DM saying it is saved.
    await fake.until("chat.postMessage", (c) => c.args.channel === EMPLOYER.id, from);
    expect((await repos(db).workspaces.find("slack", team))?.headcount).toBe(6);

    // Start, then a reply in point 1's thread (an events_api envelope, delivered twice) becomes one note.
    command("start");
    const workspace = (await repos(db).workspaces.find("slack", team))!;
    // Point 1's message is posted, and its ts stored (after the post returns).
    let thread = "";
    await waitFor(async () => {
      const discussion = await repos(db).discussions.latest(workspace.id);
      const agenda = discussion ? await repos(db).discussions.agenda(workspace.id, discussion.id) : [];
      thread = (agenda[0]?.message as { id?: string } | null)?.id ?? "";
      return /^\d+\.\d+$/.test(thread);
    });
    const discussion = (await repos(db).discussions.latest(workspace.id))!;
    const event = {
      token: "legacy",
      team_id: team,
      api_app_id: "A1",
      type: "event_callback",
      event_id: "EvSOCKET1",
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: "message",
        channel: "C_AMO",
        user: REP.id,
        text: "Over socket",
        ts: "1800000001.000100",
        thread_ts: thread,
        channel_type: "channel",
      },
    };
    socket.deliver("events_api", event);
    socket.deliver("events_api", event, 1);
    await waitFor(
      async () => (await repos(db).entries.forDiscussion(workspace.id, discussion.id)).length > 0,
    );
    await new Promise((r) => setTimeout(r, 200));
    const notes = await repos(db).entries.forDiscussion(workspace.id, discussion.id);
    expect(notes.map((n) => (n.data as { text: string }).text)).toEqual(["Over socket"]);
  });
});
