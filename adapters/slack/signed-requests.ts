import { createHmac, createSecretKey, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, RequestListener } from "node:http";
import getRawBody from "raw-body";
import type { Logger } from "../../src/app/index.ts";

/** Slack's rule: a request signed more than five minutes from now is refused (a replay). */
const MAX_SKEW_S = 5 * 60;
/** The largest body read, as Bolt's own receiver reads (4 MB). */
const BODY_LIMIT = 4 * 1024 * 1024;

/**
 * Checks Slack's request signature (`v0=` HMAC-SHA256 of `v0:<timestamp>:<body>` with the signing secret), as
 * https://api.slack.com/authentication/verifying-requests-from-slack describes.
 */
function slackSignature(signingSecret: string) {
  if (!signingSecret) throw new Error("A Slack signing secret is needed to check Slack's requests");
  const key = createSecretKey(Buffer.from(signingSecret, "utf8"));
  return (body: Buffer, timestamp: string | undefined, signature: string | undefined): boolean => {
    if (!timestamp || !/^\d{1,12}$/.test(timestamp)) return false;
    if (Math.abs(Date.now() / 1000 - Number(timestamp)) > MAX_SKEW_S) return false;
    // Exactly as Slack writes it: lowercase hex, whole (Node's hex decoding would stop quietly at a stray character).
    if (!signature || !/^v0=[0-9a-f]{64}$/.test(signature)) return false;
    const given = Buffer.from(signature.slice(3), "hex");
    const expected = createHmac("sha256", key).update(`v0:${timestamp}:`).update(body).digest();
    return timingSafeEqual(given, expected);
  };
}

const header = (req: IncomingMessage, name: string) => {
  const value = req.headers[name];
  return typeof value === "string" ? value : undefined;
};

/** Slack's `ssl_check=1` form post, which is not signed: only the check itself is passed on, nothing sent with it. */
function isSslCheck(req: IncomingMessage, body: Buffer): boolean {
  return (
    req.headers["content-type"] === "application/x-www-form-urlencoded" &&
    body.includes("ssl_check=") &&
    new URLSearchParams(body.toString()).get("ssl_check") === "1"
  );
}

/**
 * Reads and verifies the requests Slack posts to `path` before Bolt's receiver takes them (its own check is then
 * turned off), and hands every other request to the receiver as it came.
 * Bolt's check compares the signatures with `tsscmp`, which draws 32 random bytes and computes two more HMACs for
 * every request: with the second reading of the body it does to look for an ssl_check, about a tenth of the CPU a
 * Slack click costs the app (profile of a paced load, 2026-11-30). Here the one HMAC is compared with `timingSafeEqual`.
 * A bad or missing signature or a timestamp over five minutes off gets 401, a body over 4 MB 413, a body cut short
 * 400, all without a body. Which requests are checked is decided on the path as Bolt's receiver reads it (dot
 * segments and all resolved), so no request the receiver would take as Slack's can pass unchecked.
 */
export function verifiedSlackRequests(
  path: string,
  signingSecret: string,
  receiver: RequestListener,
  log: Logger,
): RequestListener {
  const verify = slackSignature(signingSecret);
  return (req, res) => {
    if (req.method?.toUpperCase() !== "POST" || pathOf(req) !== path) return receiver(req, res);
    getRawBody(req, { limit: BODY_LIMIT })
      .then(
        (body) => {
          const request = req as IncomingMessage & { rawBody?: Buffer };
          if (isSslCheck(req, body)) {
            request.rawBody = Buffer.from("ssl_check=1");
          } else if (
            verify(body, header(req, "x-slack-request-timestamp"), header(req, "x-slack-signature"))
          ) {
            request.rawBody = body;
          } else {
            log.warn("slack request refused: its signature does not match", { path });
            res.writeHead(401).end();
            return;
          }
          receiver(request, res);
        },
        (error: { status?: number; message?: string }) => {
          log.warn("slack request refused: its body could not be read", {
            path,
            error: String(error.message),
          });
          if (!res.headersSent) res.writeHead(error.status === 413 ? 413 : 400).end();
        },
      )
      .catch((error: unknown) => {
        log.error("slack request failed", { path, error: String(error) });
        if (!res.headersSent) res.writeHead(500).end();
      });
  };
}

/** The path as Bolt's receiver finds it (`new URL`: dot segments resolved, an absolute URL's own path). */
function pathOf(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? "/", "http://localhost").pathname;
  } catch {
    return "";
  }
}
