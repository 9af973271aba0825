import type { Response } from "botbuilder";
import type { Response as ExpressResponse } from "express";

/**
 * The answer `CloudAdapter.process` gives, held (it takes any `Response`) so that the route can answer refusals
 * botbuilder does not know as such (another tenant, a forged signature) before anything is written.
 */
export class HeldAnswer implements Response {
  readonly socket = null;
  statusCode = 200;
  private body: unknown;
  private readonly headers = new Map<string, unknown>();

  status(code: number) {
    this.statusCode = code;
    return this;
  }

  header(name: string, value: unknown) {
    this.headers.set(name, value);
    return this;
  }

  send(body: unknown) {
    this.body = body;
    return this;
  }

  end() {
    return this;
  }

  /** Writes the held answer as botbuilder would have written it to express's response. */
  sendTo(res: ExpressResponse): void {
    for (const [name, value] of this.headers) res.header(name, value as string);
    res.status(this.statusCode);
    if (this.body === undefined) res.end();
    else res.send(this.body);
  }
}
