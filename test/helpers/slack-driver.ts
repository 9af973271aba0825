import { randomUUID } from "node:crypto";
import type { FakeSlack } from "./slack-fake.ts";
import { signedPost } from "./slack-fake.ts";

export const SIGNING_SECRET = "test-signing-secret-0123456789";

export interface SlackUser {
  id: string;
  name: string;
}

/** Plays the Slack side: sends signed commands, clicks, modal submits and events to the app, like Slack would. */
export class SlackDriver {
  /** Set for a team served by an org-wide install: its requests name the enterprise, as Slack sends them. */
  enterpriseId: string | null = null;

  constructor(
    readonly appUrl: string,
    readonly fake: FakeSlack,
    readonly team: string,
    readonly channel = "C_AMO",
  ) {}

  private post(body: string, contentType?: string, options: { retryNum?: number } = {}) {
    return signedPost(`${this.appUrl}/slack/events`, body, SIGNING_SECRET, { contentType, ...options });
  }

  async command(user: SlackUser, text: string, command = "/arbejdsmiljø") {
    const body = new URLSearchParams({
      token: "legacy",
      team_id: this.team,
      team_domain: "kontoret",
      channel_id: this.channel,
      channel_name: "amo",
      user_id: user.id,
      user_name: user.name,
      command,
      text,
      api_app_id: "A1",
      response_url: `${this.fake.url.replace(/api\/$/, "")}respond/${randomUUID()}`,
      trigger_id: `trig-${randomUUID()}`,
      ...(this.enterpriseId ? { enterprise_id: this.enterpriseId, is_enterprise_install: "true" } : {}),
    }).toString();
    return this.post(body);
  }

  private interaction(payload: Record<string, unknown>) {
    const org = this.enterpriseId
      ? { enterprise: { id: this.enterpriseId }, is_enterprise_install: true }
      : {};
    return this.post(new URLSearchParams({ payload: JSON.stringify({ ...payload, ...org }) }).toString());
  }

  /** Clicks a button: the action id and value are taken from a message the bot posted. */
  async click(user: SlackUser, actionId: string, value: string, messageTs = "1.0") {
    return this.interaction({
      type: "block_actions",
      team: { id: this.team, domain: "kontoret" },
      user: { id: user.id, username: user.name, name: user.name, team_id: this.team },
      api_app_id: "A1",
      trigger_id: `trig-${randomUUID()}`,
      channel: { id: this.channel, name: "amo" },
      container: { type: "message", message_ts: messageTs, channel_id: this.channel },
      message: { ts: messageTs, type: "message" },
      actions: [
        { type: "button", action_id: actionId, block_id: "b", value, action_ts: String(Date.now() / 1000) },
      ],
      response_url: `${this.fake.url.replace(/api\/$/, "")}respond/${randomUUID()}`,
    });
  }

  /** Clicks a button on the person's App Home: Slack sends the home view, and no channel and no response_url. */
  async clickOnHome(user: SlackUser, actionId: string, value: string) {
    return this.interaction({
      type: "block_actions",
      team: { id: this.team, domain: "kontoret" },
      user: { id: user.id, username: user.name, name: user.name, team_id: this.team },
      api_app_id: "A1",
      trigger_id: `trig-${randomUUID()}`,
      container: { type: "view", view_id: "VHOME" },
      view: { id: "VHOME", type: "home", team_id: this.team, blocks: [], state: { values: {} } },
      actions: [
        { type: "button", action_id: actionId, block_id: "b", value, action_ts: String(Date.now() / 1000) },
      ],
    });
  }

  /** A message shortcut used on a message in the driver's channel (Slack's message_action). */
  async messageShortcut(
    user: SlackUser,
    callbackId: string,
    message: { text: string; ts: string; user: string },
  ) {
    return this.interaction({
      type: "message_action",
      callback_id: callbackId,
      trigger_id: `trig-${randomUUID()}`,
      team: { id: this.team, domain: "kontoret" },
      channel: { id: this.channel, name: "amo" },
      user: { id: user.id, name: user.name, team_id: this.team },
      message: { type: "message", ...message },
      message_ts: message.ts,
      response_url: `${this.fake.url.replace(/api\/$/, "")}respond/${randomUUID()}`,
      action_ts: String(Date.now() / 1000),
    });
  }

  /** A person opens the app's Home tab (the Events API's app_home_opened). */
  async homeOpened(user: SlackUser, tab: "home" | "messages" = "home") {
    const body = JSON.stringify({
      token: "legacy",
      team_id: this.team,
      api_app_id: "A1",
      type: "event_callback",
      event_id: `Ev${randomUUID().slice(0, 8)}`,
      event_time: Math.floor(Date.now() / 1000),
      event: { type: "app_home_opened", user: user.id, channel: `D${user.id}`, tab, event_ts: "1.0" },
    });
    return this.post(body, "application/json");
  }

  /** Submits a modal the bot opened, with values by block id (the element's kind decides the field). */
  async submit(
    user: SlackUser,
    view: Record<string, unknown>,
    values: Record<string, unknown>,
    viewId = `V${randomUUID().slice(0, 8)}`,
  ) {
    const blocks = (view.blocks as { type: string; block_id?: string; element?: { type: string } }[]) ?? [];
    const state: Record<string, Record<string, unknown>> = {};
    for (const block of blocks) {
      if (block.type !== "input" || !block.block_id) continue;
      const value = values[block.block_id];
      const type = block.element?.type ?? "plain_text_input";
      state[block.block_id] = { value: elementState(type, value) };
    }
    return this.interaction({
      type: "view_submission",
      team: { id: this.team, domain: "kontoret" },
      user: { id: user.id, username: user.name, name: user.name, team_id: this.team },
      api_app_id: "A1",
      trigger_id: `trig-${randomUUID()}`,
      view: {
        id: viewId,
        type: "modal",
        team_id: this.team,
        callback_id: view.callback_id,
        private_metadata: view.private_metadata ?? "",
        hash: "h",
        state: { values: state },
        blocks,
      },
    });
  }

  /** A message event (a reply in a thread), as the Events API delivers it. */
  async message(
    user: SlackUser,
    text: string,
    threadTs: string,
    options: { ts?: string; retryNum?: number; eventId?: string; extra?: Record<string, unknown> } = {},
  ) {
    const ts =
      options.ts ??
      `${Math.floor(Date.now() / 1000)}.${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
    // Slack keeps the reply: conversations.replies reads it back.
    this.fake.replies.set(`${this.channel}/${ts}`, { user: user.id, text, ts, thread_ts: threadTs });
    const body = JSON.stringify({
      token: "legacy",
      team_id: this.team,
      api_app_id: "A1",
      type: "event_callback",
      event_id: options.eventId ?? `Ev${randomUUID().slice(0, 8)}`,
      event_time: Math.floor(Date.now() / 1000),
      event: {
        type: "message",
        channel: this.channel,
        user: user.id,
        text,
        ts,
        thread_ts: threadTs,
        channel_type: "channel",
        ...options.extra,
      },
    });
    return this.post(body, "application/json", { retryNum: options.retryNum });
  }

  /** The view of the newest views.open call. */
  lastModal(): Record<string, unknown> {
    return this.fake.last("views.open")?.args.view as Record<string, unknown>;
  }

  /** Finds a button in the bot's posted or updated messages (newest first) by action id. */
  button(
    actionId: string,
    where: (blocks: unknown[]) => boolean = () => true,
  ): { value: string; ts: string } {
    const calls = this.fake.calls
      .filter((c) => ["chat.postMessage", "chat.update", "chat.postEphemeral", "respond"].includes(c.method))
      .reverse();
    for (const call of calls) {
      const blocks = (call.args.blocks as unknown[]) ?? [];
      if (!where(blocks)) continue;
      for (const block of blocks as { type: string; elements?: { action_id?: string; value?: string }[] }[]) {
        for (const el of block.elements ?? []) {
          if (el.action_id === actionId && el.value)
            return { value: el.value, ts: String(call.args.ts ?? "") };
        }
      }
    }
    throw new Error(`no button ${actionId} found`);
  }
}

function elementState(type: string, value: unknown): Record<string, unknown> {
  switch (type) {
    case "datepicker":
      return { type, selected_date: value ?? null };
    case "timepicker":
      return { type, selected_time: value ?? null };
    case "static_select":
    case "radio_buttons":
      return {
        type,
        selected_option: value ? { value, text: { type: "plain_text", text: String(value) } } : null,
      };
    case "users_select":
      return { type, selected_user: value ?? null };
    case "multi_static_select":
      return { type, selected_options: ((value as string[] | undefined) ?? []).map((v) => ({ value: v })) };
    case "multi_users_select":
      return { type, selected_users: value ?? [] };
    case "checkboxes":
      return { type, selected_options: ((value as string[] | undefined) ?? []).map((v) => ({ value: v })) };
    case "conversations_select":
      return { type, selected_conversation: value ?? null };
    case "number_input":
      return { type, value: value === undefined || value === null ? null : String(value) };
    default:
      return { type, value: value ?? null };
  }
}
