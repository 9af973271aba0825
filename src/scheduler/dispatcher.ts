import { type ScheduledTask, schedule } from "node-cron";
import type { ChatPort } from "../app/chat-port.ts";
import type { Logger } from "../app/context.ts";
import { purgeUninstalled } from "../app/data-protection.ts";
import { type Db, type Reminder, repos, type Workspace } from "../store/index.ts";
import { composeReminder } from "./compose.ts";
import { planQuarterly, planTraining } from "./plan.ts";

export interface DispatcherOptions {
  /** How many reminders one tick claims. */
  batchSize: number;
  /** How long a claimed reminder is this process's; after that another process may take it (this one died). */
  leaseSeconds: number;
  /** Tries before a reminder is marked failed. */
  maxAttempts: number;
  /** Delay before retry n (1-based). */
  backoffSeconds: (attempt: number) => number;
  /** Sends at the same time, across channels. */
  concurrency: number;
  /** Pause between two messages to the same channel (Slack allows about one a second). */
  channelSpacingMs: number;
  cronExpression: string;
}

export const DEFAULT_DISPATCHER: DispatcherOptions = {
  batchSize: 200,
  leaseSeconds: 120,
  maxAttempts: 5,
  backoffSeconds: (attempt) => Math.min(3600, 30 * 2 ** (attempt - 1)),
  concurrency: 8,
  channelSpacingMs: 1000,
  cronExpression: "* * * * *",
};

export interface TickResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
}

/**
 * Delivers due reminders. Every piece of state is in the reminders table, so any number of dispatchers (one per
 * instance) can run against one database: each claims rows with SKIP LOCKED under a lease and marks them sent.
 */
export class Dispatcher {
  private readonly options: DispatcherOptions;
  private task: ScheduledTask | null = null;
  private running: Promise<TickResult> | null = null;
  private stopped = false;
  private lastPurge = 0;

  constructor(
    private readonly deps: {
      db: Db;
      chatFor(workspace: Workspace): ChatPort;
      now(): Date;
      log: Logger;
      /** Work that must not wait for a user: e.g. posting a summary whose process died before it could. */
      sweep?: () => Promise<unknown>;
    },
    options: Partial<DispatcherOptions> = {},
  ) {
    this.options = { ...DEFAULT_DISPATCHER, ...options };
  }

  start(): void {
    this.task = schedule(this.options.cronExpression, () => {
      void this.tickOnce();
    });
  }

  /** Stops the timer and waits for the batch in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.task?.stop();
    this.task = null;
    await this.running;
  }

  /** One tick, skipped if the previous one is still running (a slow batch must not pile up). */
  async tickOnce(): Promise<TickResult | null> {
    if (this.running || this.stopped) return null;
    this.running = this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Claims and delivers batches until nothing is due; once an hour also deletes data past its retention. */
  async drain(): Promise<TickResult> {
    await this.deps.sweep?.().catch((error) => this.deps.log.warn("sweep failed", { error: String(error) }));
    const now = this.deps.now().getTime();
    if (now - this.lastPurge > 3_600_000) {
      this.lastPurge = now;
      const purged = await purgeUninstalled(this.deps.db, this.deps.now());
      if (purged > 0) this.deps.log.info("deleted uninstalled workspaces past retention", { count: purged });
    }
    const total: TickResult = { claimed: 0, sent: 0, retried: 0, failed: 0, skipped: 0 };
    for (;;) {
      const result = await this.deliverBatch();
      for (const k of Object.keys(total) as (keyof TickResult)[]) total[k] += result[k];
      if (result.claimed < this.options.batchSize || this.stopped) return total;
    }
  }

  async deliverBatch(): Promise<TickResult> {
    const r = repos(this.deps.db);
    const claimed = await r.reminders.claimDue(
      this.deps.now(),
      this.options.batchSize,
      this.options.leaseSeconds,
    );
    const result: TickResult = { claimed: claimed.length, sent: 0, retried: 0, failed: 0, skipped: 0 };
    // One queue per workspace, worked in order with a pause between messages, so no channel is flooded.
    const byWorkspace = new Map<string, Reminder[]>();
    for (const reminder of claimed) {
      const queue = byWorkspace.get(reminder.workspaceId);
      if (queue) queue.push(reminder);
      else byWorkspace.set(reminder.workspaceId, [reminder]);
    }
    const queues = [...byWorkspace.values()];
    const worker = async () => {
      for (let queue = queues.shift(); queue; queue = queues.shift()) {
        for (const [i, reminder] of queue.entries()) {
          if (i > 0 && this.options.channelSpacingMs > 0) await sleep(this.options.channelSpacingMs);
          result[await this.deliver(reminder)]++;
        }
      }
    };
    await Promise.all(Array.from({ length: this.options.concurrency }, worker));
    return result;
  }

  private async deliver(reminder: Reminder): Promise<"sent" | "retried" | "failed" | "skipped"> {
    const r = repos(this.deps.db);
    const workspace = await r.workspaces.get(reminder.workspaceId);
    const delivery = workspace?.installed
      ? await composeReminder(r, workspace, reminder, this.deps.now())
      : null;
    if (!workspace || !delivery || (!delivery.channel && !delivery.directTo)) {
      await r.reminders.markCancelled(reminder.id);
      return "skipped";
    }
    try {
      const chat = this.deps.chatFor(workspace);
      if (delivery.thread) await chat.replyInThread(delivery.thread, delivery.message);
      else if (delivery.channel) await chat.post(delivery.channel, delivery.message);
      if (delivery.directTo) {
        await chat.sendDirect(delivery.directTo, delivery.message).catch((error) => {
          this.deps.log.warn("could not send a reminder directly", {
            reminder: reminder.id,
            error: String(error),
          });
        });
      }
    } catch (error) {
      const giveUp = reminder.attempts >= this.options.maxAttempts;
      const retryAt = giveUp
        ? null
        : new Date(this.deps.now().getTime() + this.options.backoffSeconds(reminder.attempts) * 1000);
      await r.reminders.markFailed(reminder.id, String(error), retryAt);
      const fields = {
        reminder: reminder.id,
        kind: reminder.kind,
        attempts: reminder.attempts,
        error: String(error),
      };
      if (giveUp) this.deps.log.error("reminder failed for good", fields);
      else this.deps.log.warn("reminder failed; will retry", fields);
      return giveUp ? "failed" : "retried";
    }
    await r.reminders.markSent(reminder.id, this.deps.now());
    await this.followUp(workspace, reminder);
    return "sent";
  }

  /** Reminders that recur plan their next occurrence once they have gone out. */
  private async followUp(workspace: Workspace, reminder: Reminder): Promise<void> {
    const now = this.deps.now();
    if (reminder.kind === "quarterly.status") {
      await this.deps.db.transaction((tx) =>
        planQuarterly(repos(tx), workspace, new Date(now.getTime() + 1000)),
      );
    }
    if (reminder.kind === "training.supplementary") {
      const members = (await repos(this.deps.db).members.list(workspace.id)).filter(
        (m) => m.userId === reminder.payload.userId,
      );
      await this.deps.db.transaction((tx) =>
        planTraining(repos(tx), workspace, members, new Date(now.getTime() + 1000)),
      );
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
