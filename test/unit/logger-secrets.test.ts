import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../adapters/index.ts";
import { createLogger, secretsOf } from "../../src/logger.ts";

const random = (bytes: number, encoding: BufferEncoding = "base64url") =>
  randomBytes(bytes).toString(encoding);
const jwtPart = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
const jwt = () =>
  `${jwtPart({ alg: "RS256", kid: random(6) })}.${jwtPart({ aud: random(8), exp: 1 })}.${random(64)}`;

/** Configured secrets, as an operator sets them (Microsoft's passwords hold ~ and .; a key may be base64). */
const settings = {
  SLACK_SIGNING_SECRET: random(16, "hex"),
  SLACK_CLIENT_SECRET: random(16, "hex"),
  SLACK_STATE_SECRET: `state-${random(12)}`,
  TOKEN_ENCRYPTION_KEY: random(32, "base64"),
  MICROSOFT_APP_PASSWORD: `Q8~${random(8)}.${random(8)}_${random(8)}`,
};

/** Every kind of secret the logger must hide; each is random, so no piece of it can appear for another reason. */
const corpus: Record<string, string> = {
  "bot token": `xoxb-${random(5, "hex")}-${random(6, "hex")}-${random(18)}`.replaceAll("_", "A"),
  "user token": `xoxp-${random(5, "hex")}-${random(6, "hex")}-${random(18, "hex")}`,
  "refresh token": `xoxe-1-${random(40, "hex")}`,
  "rotating access token": `xoxe.xoxp-1-${random(40, "hex")}`,
  "rotating bot token": `xoxe.xoxb-1-${random(40, "hex")}`,
  "app-level token": `xapp-1-A${random(5, "hex")}-${random(20, "hex")}`,
  "bare JWT": jwt(),
  "download token": random(32),
  ...Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, v])),
};

/** The places a secret ends up in a log line. */
const hiding: Record<string, (secret: string) => [string, Record<string, unknown>]> = {
  "the message": (s) => [`calling Slack with ${s} now`, {}],
  "a nested field": (s) => ["request", { request: { headers: { "x-key": s }, body: [{ value: s }] } }],
  "a bearer header": (s) => ["request", { headers: { authorization: `Bearer ${s}` } }],
  "an error string": (s) => ["failed", { error: String(new Error(`refused: ${s} is not valid`)) }],
  "an error's stack": (s) => ["failed", { stack: new Error(`refused (${s})`).stack }],
  "a URL's query": (s) => [
    "fetch",
    { url: `https://slack.com/api/oauth.v2.access?x=${encodeURIComponent(s)}` },
  ],
  "a URL's path": (s) => ["fetch", { url: `https://bot.example/teams/files/${s}?download=1` }],
  "a local download link": (s) => [`GET /local/files/${s}`, {}],
  "a form body": (s) => ["posted", { body: `client_id=1.2&client_secret=${encodeURIComponent(s)}&code=9` }],
};

/** No piece of the secret as long as this reaches the output. */
const PIECE = 10;

function pieces(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret)]);
  const out: string[] = [];
  for (const form of forms) for (let i = 0; i + PIECE <= form.length; i++) out.push(form.slice(i, i + PIECE));
  return out;
}

describe("the logger, over a corpus of secrets", () => {
  const lines: string[] = [];
  const config = loadConfig({
    SLACK_BOT_TOKEN: corpus["bot token"],
    SLACK_CLIENT_ID: "1.2",
    MICROSOFT_APP_ID: randomUUID(),
    ...settings,
  });
  const log = createLogger("debug", (line) => lines.push(line), secretsOf(config));

  it.each(Object.entries(corpus))("never writes a %s, wherever it hides", (_kind, secret) => {
    for (const [where, place] of Object.entries(hiding)) {
      lines.length = 0;
      const [message, fields] = place(secret);
      log.error(message, fields);
      const line = lines.join("\n");
      expect(line, where).toContain("[redacted]");
      const leaked = pieces(secret).filter((p) => line.includes(p));
      expect(leaked, `${where}: ${line}`).toEqual([]);
    }
  });

  it("leaves ordinary Danish text and ids as they are", () => {
    const ordinary = {
      text: "Referatet er godkendt af Mette Hansen og Søren Østergaard; næste møde er 24-11-2026 kl. 09:00.",
      hyphenated: "arbejdsmiljørepræsentant-og-arbejdsleder-møde-om-APV-og-trivsel",
      team: "T0123ABCD",
      user: "U_EMP",
      channel: "C_AMO",
      discussion: randomUUID(),
      key: `view:V${random(5, "hex").toUpperCase()}`,
      trigger: "12345.98765.abcd2358fdea",
      teamsUser: `29:1${random(60, "hex")}`,
      teamsChannel: "19:3f2a9c0e4b5d6a7e8f9a0b1c2d3e4f5a@thread.tacv2",
      sha256: random(32, "hex"),
      url: "https://bot.example/healthz?attempt=2",
      count: 43,
      route: "/teams/files/",
    };
    lines.length = 0;
    log.info("ordinary", ordinary);
    const written = JSON.parse(lines[0] as string) as Record<string, unknown>;
    expect(written).toMatchObject({ message: "ordinary", ...ordinary });
    expect(lines[0]).not.toContain("[redacted]");
  });

  it("ignores a configured value too short to find without harming other text", () => {
    const out: string[] = [];
    const short = createLogger("info", (line) => out.push(line), ["abc", undefined, ""]);
    short.info("abc is the start of the alphabet");
    expect(JSON.parse(out[0] as string).message).toBe("abc is the start of the alphabet");
  });
});
