import { createHmac, randomUUID } from "node:crypto";

/**
 * The requests the load sends, as the platforms send them: a note saved from its form, and "next" pressed on a stale
 * message (refused, since the discussion moved on). Each workplace's requests alternate between the two, as in a
 * meeting, and come from its people in turn.
 */

export interface LoadRequest {
  method: "POST";
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface SlackTarget {
  team: string;
  discussionId: string;
}
export interface TeamsTarget {
  tenantId: string;
  channel: string;
  teamId: string;
  discussionId: string;
}

/** People per workplace taking part. */
export const SLACK_PEOPLE = 20;
export const TEAMS_USER = { id: "aad-bench", name: "Bench" };
export const TEAMS_BOT = { id: "28:amo-bot", name: "Arbejdsmiljø" };
const NOTE_TEXT = "En note fra belastningstesten";

type Kind = "note" | "next";

const sign = (secret: string, body: string, timestamp: number) =>
  `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;

/** A signed Slack request from the `person`-th participant: a note's modal submitted, or a stale "next" pressed. */
export function slackInteraction(
  secret: string,
  target: SlackTarget,
  kind: Kind,
  person: number,
): LoadRequest {
  const { team, discussionId } = target;
  const user = { id: `U_BENCH${person % SLACK_PEOPLE}`, team_id: team };
  const payload =
    kind === "note"
      ? {
          type: "view_submission",
          team: { id: team },
          user,
          view: {
            id: `V${randomUUID()}`,
            callback_id: "entry_form",
            private_metadata: JSON.stringify({ k: "note", d: discussionId, p: 1 }),
            state: { values: { text: { value: { type: "plain_text_input", value: NOTE_TEXT } } } },
          },
        }
      : {
          type: "block_actions",
          team: { id: team },
          user,
          trigger_id: "t",
          channel: { id: "C_AMO" },
          container: { type: "message", channel_id: "C_AMO", message_ts: "1.0" },
          actions: [
            {
              type: "button",
              action_id: "point_next",
              value: JSON.stringify({ d: discussionId, v: 0, p: 1 }),
            },
          ],
        };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const timestamp = Math.floor(Date.now() / 1000);
  return {
    method: "POST",
    path: "/slack/events",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": sign(secret, body, timestamp),
    },
    body,
  };
}

/** A Teams card invoke (`adaptiveCard/action`) as the Bot Connector sends it: a note's form saved, or a stale "next". */
export function teamsInvoke(serviceUrl: string, target: TeamsTarget, kind: Kind, n: number): LoadRequest {
  const data =
    kind === "note"
      ? { d: target.discussionId, p: 1, k: "note", "f.text": NOTE_TEXT }
      : { d: target.discussionId, v: 0, p: 1 };
  const activity = {
    type: "invoke",
    name: "adaptiveCard/action",
    id: `f:bench-${process.pid}-${n}`,
    channelId: "msteams",
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: `29:${TEAMS_USER.id}`, aadObjectId: TEAMS_USER.id, name: TEAMS_USER.name },
    recipient: TEAMS_BOT,
    conversation: {
      id: target.channel,
      conversationType: "channel",
      tenantId: target.tenantId,
      isGroup: true,
    },
    channelData: {
      tenant: { id: target.tenantId },
      team: { id: target.teamId, name: "Kontoret" },
      channel: { id: target.channel, name: "AMO" },
    },
    value: {
      action: { type: "Action.Execute", verb: kind === "note" ? "entry_form" : "point_next", data },
      trigger: "manual",
    },
  };
  return {
    method: "POST",
    path: "/api/messages",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(activity),
  };
}

export type Interactions =
  | { kind: "slack"; secret: string; targets: SlackTarget[] }
  | { kind: "teams"; serviceUrl: string; targets: TeamsTarget[] };

/** The n-th request: round-robin over the workplaces, each one's first request a note, its second a "next", … */
export function nthInteraction(spec: Interactions, n: number): LoadRequest {
  const round = Math.floor(n / spec.targets.length);
  const kind: Kind = round % 2 === 0 ? "note" : "next";
  if (spec.kind === "slack") {
    const target = spec.targets[n % spec.targets.length] as SlackTarget;
    return slackInteraction(spec.secret, target, kind, Math.floor(round / 2));
  }
  return teamsInvoke(spec.serviceUrl, spec.targets[n % spec.targets.length] as TeamsTarget, kind, n);
}

/** How many of the first `requests` requests are notes. */
export function notesAmong(requests: number, targets: number): number {
  const pairs = Math.floor(requests / (2 * targets));
  return pairs * targets + Math.min(requests - pairs * 2 * targets, targets);
}
