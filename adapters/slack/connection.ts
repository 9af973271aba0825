import { ErrorCode } from "@slack/web-api";
import type { Logger } from "../../src/app/index.ts";
import { ConfigError } from "../../src/config.ts";

/** One thing Slack must answer before the bot serves it (Bolt's init, Socket Mode's connect), and whose token it checks. */
export interface ConnectStep {
  variable: string;
  run(): Promise<unknown>;
}

/** How long start waits for Slack's first answer, and how often it asks again after that. */
export interface ConnectTimes {
  firstWaitMs: number;
  retryMs: number;
  maxRetryMs: number;
}

export const CONNECT_TIMES: ConnectTimes = { firstWaitMs: 10_000, retryMs: 5_000, maxRetryMs: 300_000 };

/** Slack's answers that say the token itself is wrong: asking again cannot help. */
const REFUSALS = new Set([
  "invalid_auth",
  "not_authed",
  "account_inactive",
  "token_revoked",
  "token_expired",
]);

type Outcome = "ready" | "late" | { refused: string } | { failed: unknown };

/**
 * Bolt is made with deferInitialization, so its auth.test is awaited here instead of left to reject unhandled
 * (which stopped the process, Teams and /healthz with it, whenever Slack was down at start). A refused token stops
 * the start; an outage leaves the process up and asks again with backoff until Slack answers.
 */
export class SlackConnection {
  ready = false;
  private stopped = false;
  private warned = false;
  private timer: NodeJS.Timeout | undefined;
  private delayMs: number;
  private passed = 0;

  constructor(
    private readonly steps: readonly ConnectStep[],
    private readonly log: Logger,
    private readonly times: ConnectTimes = CONNECT_TIMES,
  ) {
    this.delayMs = times.retryMs;
  }

  /** The first try. Throws a ConfigError naming the variable when Slack refuses a token. */
  async begin(): Promise<void> {
    const first = this.attempt();
    let wait: NodeJS.Timeout | undefined;
    const late = new Promise<"late">((resolve) => {
      wait = setTimeout(() => resolve("late"), this.times.firstWaitMs);
    });
    const outcome = await Promise.race([first, late]);
    clearTimeout(wait);
    if (outcome === "late") {
      // Slack is slow to answer: serve everything else meanwhile, and take its answer when it comes.
      this.warn("Slack has not answered yet");
      void first.then((o) => this.settle(o));
    } else if (outcome !== "ready" && "refused" in outcome) throw new ConfigError(outcome.refused);
    else this.settle(outcome);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private settle(outcome: Exclude<Outcome, "late">): void {
    if (this.stopped) return;
    if (outcome === "ready") {
      this.ready = true;
      if (this.warned) this.log.info("Slack answers again; /slack/events is open");
    } else if ("refused" in outcome) {
      this.log.error(`${outcome.refused} Slack stays off until the process is restarted with a good token.`);
    } else {
      this.warn("Slack cannot be reached", { error: String(outcome.failed) });
      this.timer = setTimeout(() => void this.attempt().then((o) => this.settle(o)), this.delayMs);
      this.delayMs = Math.min(this.delayMs * 2, this.times.maxRetryMs);
    }
  }

  /** Once per outage: the Web API client logs each failed call itself. */
  private warn(what: string, fields: Record<string, unknown> = {}): void {
    if (this.warned) return;
    this.warned = true;
    this.log.warn(
      `${what}; Slack requests get 503 (a slash command a line to try again) and the bot keeps asking with backoff`,
      fields,
    );
  }

  private async attempt(): Promise<Exclude<Outcome, "late">> {
    // Steps Slack has answered are not asked again; none is begun once the bot is stopping.
    for (const step of this.steps.slice(this.passed)) {
      if (this.stopped) return { failed: new Error("stopped") };
      try {
        await step.run();
        this.passed++;
      } catch (error) {
        const code = refusalOf(error);
        if (code) return { refused: `Configuration error: ${step.variable} was refused by Slack (${code}).` };
        return { failed: error };
      }
    }
    return "ready";
  }
}

function refusalOf(error: unknown): string | null {
  const e = error as { code?: string; data?: { error?: string } };
  const code = e?.code === ErrorCode.PlatformError ? e.data?.error : undefined;
  return code && REFUSALS.has(code) ? code : null;
}
