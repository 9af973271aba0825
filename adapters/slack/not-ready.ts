import { isValidSlackRequest } from "@slack/bolt";
import type { RequestHandler } from "express";
import getRawBody from "raw-body";

/** How long Slack is asked to wait before sending an event again while the bot has not reached Slack. */
const RETRY_AFTER_S = "30";

/**
 * In front of Bolt's receiver until Slack has answered at start: Bolt's app before init would ack every request
 * with 200 and drop it. A signed request gets 503 (Slack sends events again), a signed slash command a private line
 * asking to try again, anything else 401 as always.
 */
export function untilReady(ready: () => boolean, signingSecret: string): RequestHandler {
  return async (req, res, next) => {
    if (ready()) return next();
    const body = await getRawBody(req, { limit: "4mb", encoding: "utf8" }).catch(() => null);
    const signed =
      body !== null &&
      isValidSlackRequest({
        signingSecret,
        body,
        headers: {
          "x-slack-signature": String(req.headers["x-slack-signature"] ?? ""),
          "x-slack-request-timestamp": Number(req.headers["x-slack-request-timestamp"]),
        },
      });
    if (!signed) res.status(401).end();
    // Slack never sends a slash command again: the person is told, privately, to try once more in a moment.
    else if (req.is("application/x-www-form-urlencoded") && new URLSearchParams(body).has("command"))
      res.json({ response_type: "ephemeral", text: NOT_READY_TEXT });
    else res.status(503).set("Retry-After", RETRY_AFTER_S).end();
  };
}

/** Before any workspace is read, so in both languages. */
export const NOT_READY_TEXT =
  "Botten er ved at få forbindelse til Slack. Prøv igen om et øjeblik.\n" +
  "_The bot is still connecting to Slack. Please try again in a moment._";
