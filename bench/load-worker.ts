import { spawn } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { pacedLoad, type PacedRequest as Request } from "./paced-load.ts";

/**
 * The load generator in a process of its own, so the app under test does not share its event loop with autocannon.
 * Run as `node --import tsx bench/load-worker.ts '<json LoadSpec>'`; prints one JSON `LoadResult` on stdout.
 * `runLoad` starts it and waits for the result.
 */

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
export type LoadSpec = {
  url: string;
  connections: number;
  seconds: number;
  /** Requests a second arriving whether or not earlier ones were answered (bench/paced-load.ts); none: autocannon. */
  rate?: number;
  /** Paced only: seconds of the same load first, on the same connections and without a pause, not counted. */
  warmUpSeconds?: number;
} & (
  | { kind: "slack"; secret: string; targets: SlackTarget[] }
  | { kind: "teams"; serviceUrl: string; targets: TeamsTarget[] }
);
export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
  /** The slowest answer. */
  max: number;
  /** Paced with a warm-up: the warm-up's p99 and failures. */
  warmUpP99?: number;
  warmUpErrors?: number;
}

const sign = (secret: string, body: string, timestamp: number) =>
  `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;

/** People per workplace taking part: the requests to one workplace come from each of them in turn. */
export const SLACK_PEOPLE = 20;

/**
 * A signed Slack request from the `person`-th participant: a note submitted through the modal, or "next" pressed from
 * a stale view (refused).
 */
export function slackInteraction(
  secret: string,
  target: SlackTarget,
  kind: "note" | "next",
  person: number,
): Request {
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
            state: {
              values: {
                text: { value: { type: "plain_text_input", value: "En note fra belastningstesten" } },
              },
            },
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

export const TEAMS_USER = { id: "aad-bench", name: "Bench" };
export const TEAMS_BOT = { id: "28:amo-bot", name: "Arbejdsmiljø" };

/**
 * A Teams card invoke (`adaptiveCard/action`) as the Bot Connector sends it: "save" a note on point 1, or "next" from a
 * stale card (version 0: refused, answered with the card as it is).
 */
export function teamsInvoke(
  serviceUrl: string,
  target: TeamsTarget,
  kind: "note" | "next",
  n: number,
): Request {
  const data =
    kind === "note"
      ? { d: target.discussionId, p: 1, k: "note", "f.text": "En note fra belastningstesten" }
      : { d: target.discussionId, v: 0, p: 1, m: "next" };
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
      action: { type: "Action.Execute", verb: kind === "note" ? "save" : "move", data },
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

/**
 * Requests round-robin over the targets, each target's alternating between a note and a stale "next" (so both come
 * to every discussion, as in a meeting; and each participant sends both).
 */
function generator(spec: LoadSpec): () => Request {
  let i = 0;
  return () => {
    const n = i++;
    const round = Math.floor(n / spec.targets.length);
    const kind = round % 2 === 0 ? "note" : "next";
    if (spec.kind === "slack") {
      const target = spec.targets[n % spec.targets.length] as SlackTarget;
      return slackInteraction(spec.secret, target, kind, Math.floor(round / 2));
    }
    return teamsInvoke(spec.serviceUrl, spec.targets[n % spec.targets.length] as TeamsTarget, kind, n);
  };
}

async function load(spec: LoadSpec): Promise<LoadResult> {
  const next = generator(spec);
  if (spec.rate) return pacedLoad({ ...spec, rate: spec.rate, next });
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    requests: [{ setupRequest: (req) => ({ ...req, ...next() }) }],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors + result.timeouts + result.non2xx,
    requests: result.requests.total,
  };
}

/**
 * Seconds of the same load before a measured run, not counted: the measured run then finds the code compiled and
 * the caches filled, as in a bot that has been running for a while (its start is measured on its own). Without it
 * the first second's answers, some 400 ms each, made Slack's p99 at c=128 (75 ms warm, 140–180 ms cold).
 */
export const WARM_UP_SECONDS = 3;

/** The load for WARM_UP_SECONDS, then a second for the work it left behind (Slack answers before a note is stored). */
export async function warmUp(spec: LoadSpec): Promise<void> {
  await runLoad({ ...spec, seconds: WARM_UP_SECONDS });
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

/** Runs the load in a child process (`node --import tsx`) and returns its result. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url)], {
    cwd: root,
    stdio: ["pipe", "pipe", "inherit"],
  });
  child.stdin.end(JSON.stringify(spec));
  let out = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`load worker exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "") as LoadResult);
      } catch (error) {
        reject(error);
      }
    });
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  let input = "";
  process.stdin.setEncoding("utf8");
  for await (const chunk of process.stdin) input += chunk;
  const result = await load(JSON.parse(input) as LoadSpec);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
