import { STATUS_CODES } from "node:http";
import type { FetchFunction } from "@slack/web-api";
import { Agent, request } from "undici";

type FetchResponse = Awaited<ReturnType<FetchFunction>>;

/**
 * How the Slack Web API client sends its calls: undici's `request`, with the answer read whole, instead of Node's
 * `fetch` (the client's default), which spent about three times the CPU on each call in streams the client does not
 * need (`chat.update`, `chat.postEphemeral`: some 0.3 ms of the event loop each, against 0.1). A file upload (a form)
 * goes through `fetch` as before. Differences from `fetch`, knowingly:
 * - no compressed answers are asked for: the bot's calls answer with a few kilobytes at most;
 * - a redirect is not followed (as with the client's `redirect: "error"`), and reaches the client as an HTTP error;
 * - the answer is read here, so a call whose answer stops halfway fails as a request and is retried like one.
 * A call Slack leaves unanswered for `timeoutMs` (no headers, or a pause that long in the answer) fails here and is
 * retried by the client, which is then given no timeout of its own: its timeout is an AbortSignal with a timer of its
 * own for every call, about a sixth of a call's CPU.
 * Idle connections are kept as `fetch` keeps them (undici's default: 4 s, or less when the server says so), and do
 * not hold the process open.
 */
export function webApiTransport(timeoutMs: number, dispatcher: Agent = new Agent()): FetchFunction {
  return async (url, init = {}) => {
    if (init.body !== undefined && typeof init.body !== "string")
      return fetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(timeoutMs) });
    const answer = await request(url, {
      method: (init.method ?? "GET") as "GET" | "POST",
      headers: init.headers,
      body: init.body,
      signal: init.signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      dispatcher,
    });
    return new ReadAnswer(String(url), answer.statusCode, answer.headers, await answer.body.arrayBuffer());
  };
}

class ReadAnswer implements FetchResponse {
  readonly headers: Headers;
  constructor(
    readonly url: string,
    readonly status: number,
    headers: Record<string, string | string[] | undefined>,
    private readonly body: ArrayBuffer,
  ) {
    const all = new Headers();
    for (const [name, value] of Object.entries(headers)) {
      for (const one of [value ?? []].flat()) all.append(name, one);
    }
    this.headers = all;
  }
  get ok() {
    return this.status >= 200 && this.status < 300;
  }
  get statusText() {
    return STATUS_CODES[this.status] ?? "";
  }
  async arrayBuffer() {
    return this.body;
  }
  async text() {
    return new TextDecoder().decode(this.body);
  }
  async json() {
    return JSON.parse(await this.text());
  }
}
