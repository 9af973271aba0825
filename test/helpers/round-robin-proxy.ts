import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A load balancer on loopback: each request goes to the next target in turn, as a round-robin balancer sends it.
 * Targets can be swapped while it runs (an instance killed and another started); an unreachable one answers 502.
 */
export class RoundRobinProxy {
  targets: string[] = [];
  /** Which target each request went to, in order, for a test to show that every instance had its share. */
  readonly sent: string[] = [];
  private next = 0;
  private server: Server | null = null;
  url = "";

  async start(targets: string[]): Promise<string> {
    this.targets = targets;
    this.server = createServer((req, res) => {
      const target = this.targets[this.next++ % this.targets.length] as string;
      this.sent.push(target);
      const upstream = request(
        new URL(req.url ?? "/", target),
        { method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on("error", () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
    });
    await new Promise<void>((r) => this.server?.listen(0, "127.0.0.1", () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  stop(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}
