import { randomUUID } from "node:crypto";
import { actionsOf, cardProblems, type FakeConnector, type FoundAction } from "./teams-connector.ts";
import { channelToken, type TokenFault } from "./teams-identity.ts";

export interface TeamsUser {
  /** The user's Entra object id (what the bot keeps as the user id). */
  id: string;
  name: string;
  /** The locale the user's Teams client sends ("en-US"); unset sends none. */
  locale?: string;
}

export const BOT = { id: "28:amo-bot", name: "Arbejdsmiljø" };

export interface InvokeAnswer {
  status: number;
  body: { statusCode: number; type: string; value: unknown };
}

/**
 * Plays the Teams side: sends activities to the bot's /api/messages as the Bot Connector would (serviceUrl pointing at
 * the fake connector), in one tenant, one team and one channel. When a bot is registered with the connector, each
 * activity carries a token signed as the Bot Framework signs it (audience the app, the activity's service URL),
 * unless `token` asks for none or for one with a fault; a `headers.authorization` given replaces it.
 */
export class TeamsDriver {
  private seq = 0;
  token: "valid" | "none" | TokenFault = "valid";
  constructor(
    readonly appUrl: string,
    readonly connector: Pick<FakeConnector, "url" | "problems"> & { appId?: string | null },
    readonly tenantId: string,
    readonly channel = `19:${randomUUID().slice(0, 8)}@thread.tacv2`,
    readonly teamId = `19:team-${randomUUID().slice(0, 8)}@thread.tacv2`,
    readonly headers: Record<string, string> = {},
  ) {}

  nextId() {
    return `f:${Date.now()}${++this.seq}`;
  }

  /** What every activity from this user in this conversation carries (tenant, team, channel, service URL). */
  base(user: TeamsUser, conversation: string, kind: "channel" | "groupChat" | "personal" = "channel") {
    return {
      channelId: "msteams",
      serviceUrl: this.connector.url,
      timestamp: new Date().toISOString(),
      from: { id: `29:${user.id}`, aadObjectId: user.id, name: user.name },
      ...(user.locale ? { locale: user.locale } : {}),
      recipient: BOT,
      conversation: {
        id: conversation,
        conversationType: kind,
        tenantId: this.tenantId,
        ...(kind === "personal" ? {} : { isGroup: true }),
      },
      channelData: {
        tenant: { id: this.tenantId },
        ...(kind === "channel"
          ? { team: { id: this.teamId, name: "Kontoret" }, channel: { id: this.channel, name: "AMO" } }
          : {}),
      },
    };
  }

  async post(activity: Record<string, unknown>, signal?: AbortSignal): Promise<Response> {
    const signed: Record<string, string> =
      this.connector.appId && this.token !== "none"
        ? {
            authorization: `Bearer ${channelToken(
              String(activity.serviceUrl ?? ""),
              this.token === "valid" ? {} : this.token,
            )}`,
          }
        : {};
    return fetch(`${this.appUrl}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", ...signed, ...this.headers },
      body: JSON.stringify(activity),
      ...(signal ? { signal } : {}),
    });
  }

  /** An @mention of the bot in the channel (a new post, or a reply in a thread). */
  async mention(user: TeamsUser, text: string, options: { threadId?: string; id?: string } = {}) {
    const id = options.id ?? this.nextId().replace("f:", "");
    const conversation = `${this.channel};messageid=${options.threadId ?? id}`;
    const at = `<at>${BOT.name}</at>`;
    const response = await this.post({
      ...this.base(user, conversation),
      type: "message",
      id,
      text: `${at} ${text}`,
      textFormat: "plain",
      entities: [{ type: "mention", text: at, mentioned: BOT }],
    });
    if (!response.ok) throw new Error(`the bot answered ${response.status}`);
    return response;
  }

  /** A plain reply in a channel thread (the bot reads channel messages with its resource-specific permission). */
  async replyInThread(user: TeamsUser, threadId: string, text: string, id = this.nextId().replace("f:", "")) {
    return this.post({
      ...this.base(user, `${this.channel};messageid=${threadId}`),
      type: "message",
      id,
      text,
      textFormat: "plain",
    });
  }

  /** The writer edits a reply in a thread: Teams sends a messageUpdate (editMessage) with the new text. */
  async editReply(user: TeamsUser, threadId: string, id: string, text: string, at = new Date()) {
    const base = this.base(user, `${this.channel};messageid=${threadId}`);
    return this.post({
      ...base,
      type: "messageUpdate",
      id,
      text,
      textFormat: "plain",
      timestamp: at.toISOString(),
      ...(text.includes(`<at>${BOT.name}</at>`)
        ? { entities: [{ type: "mention", text: `<at>${BOT.name}</at>`, mentioned: BOT }] }
        : {}),
      channelData: { ...base.channelData, eventType: "editMessage" },
    });
  }

  /** The writer deletes a reply in a thread: Teams sends a messageDelete (softDeleteMessage). */
  async deleteReply(user: TeamsUser, threadId: string, id: string) {
    const base = this.base(user, `${this.channel};messageid=${threadId}`);
    return this.post({
      ...base,
      type: "messageDelete",
      id,
      channelData: { ...base.channelData, eventType: "softDeleteMessage" },
    });
  }

  /** Clicks an Action.Execute button (with the inputs the user filled in), as Teams sends it: an invoke. */
  async invoke(
    user: TeamsUser,
    action: { verb: string; data: Record<string, unknown> },
    inputs: Record<string, unknown> = {},
    /** `signal`: the client gives up (Teams going away before its answer). */
    options: {
      id?: string;
      conversation?: string;
      kind?: "channel" | "groupChat" | "personal";
      signal?: AbortSignal;
      /** "automatic": the card's refresh, sent by Teams as the card comes into view (a click is "manual"). */
      trigger?: "manual" | "automatic";
    } = {},
  ): Promise<InvokeAnswer> {
    const response = await this.post(
      {
        ...this.base(user, options.conversation ?? this.channel, options.kind),
        type: "invoke",
        name: "adaptiveCard/action",
        id: options.id ?? this.nextId(),
        value: {
          action: { type: "Action.Execute", verb: action.verb, data: { ...action.data, ...inputs } },
          trigger: options.trigger ?? "manual",
        },
      },
      options.signal,
    );
    const text = await response.text();
    let body: InvokeAnswer["body"] | null = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON: a refusal such as 401 answers with a plain sentence.
    }
    if (body?.type === "application/vnd.microsoft.card.adaptive")
      this.connector.problems.push(...cardProblems(body.value));
    return { status: response.status, body: body as InvokeAnswer["body"] };
  }

  /**
   * The user's answer to a file consent card in their personal chat, as Teams sends it: a fileConsent/invoke naming
   * the card answered (replyToId), the card's context, and on accept where to upload (uploadInfo).
   */
  async fileConsent(
    user: TeamsUser,
    conversation: string,
    consent: { activityId: string; context: unknown },
    answer: { action: "accept" | "decline"; uploadInfo?: Record<string, unknown> },
  ): Promise<Response> {
    return this.post({
      ...this.base(user, conversation, "personal"),
      type: "invoke",
      name: "fileConsent/invoke",
      id: this.nextId(),
      replyToId: consent.activityId,
      value: {
        type: "fileUpload",
        action: answer.action,
        context: consent.context,
        uploadInfo: answer.uploadInfo,
      },
    });
  }

  /** The bot being added to the team (conversationUpdate with the bot among the members added). */
  async install(user: TeamsUser) {
    return this.post({
      ...this.base(user, this.channel),
      type: "conversationUpdate",
      id: this.nextId(),
      membersAdded: [BOT],
      channelData: {
        tenant: { id: this.tenantId },
        team: { id: this.teamId, name: "Kontoret" },
        eventType: "teamMemberAdded",
      },
    });
  }

  /**
   * The bot being removed from the team (conversationUpdate with the bot among the members removed), as Teams sends
   * it: in the team's General channel, whose id is the team's.
   */
  async uninstall(user: TeamsUser, teamId = this.teamId) {
    return this.post({
      ...this.base(user, teamId),
      type: "conversationUpdate",
      id: this.nextId(),
      membersRemoved: [BOT],
      channelData: {
        tenant: { id: this.tenantId },
        team: { id: teamId, name: "Kontoret" },
        eventType: "teamMemberRemoved",
      },
    });
  }

  /**
   * The app installed or uninstalled in a conversation (installationUpdate): the team's channel, a group chat or the
   * user's personal chat.
   */
  async installation(
    user: TeamsUser,
    action: "add" | "remove" | "add-upgrade" | "remove-upgrade",
    where: { kind?: "channel" | "groupChat" | "personal"; conversation?: string } = {},
  ) {
    const kind = where.kind ?? "channel";
    const conversation = where.conversation ?? (kind === "channel" ? this.channel : `19:chat-${user.id}`);
    return this.post({
      ...this.base(user, conversation, kind),
      type: "installationUpdate",
      id: this.nextId(),
      action,
    });
  }
}

/** The button with this title on a card. */
export function button(card: unknown, title: string | RegExp): FoundAction {
  const found = actionsOf(card).find((a) =>
    typeof title === "string" ? a.title === title : title.test(a.title),
  );
  if (!found)
    throw new Error(
      `no button ${String(title)} on the card: ${actionsOf(card)
        .map((a) => a.title)
        .join(", ")}`,
    );
  return found;
}
