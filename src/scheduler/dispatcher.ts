import { type ScheduledTask, schedule } from "node-cron";
import type { ChatPort } from "../app/chat-port.ts";
import { commandOf } from "../app/command-name.ts";
import type { Logger } from "../app/context.ts";
import { purgeUninstalled } from "../app/data-protection.ts";
import type { Repos, Store } from "../app/ports.ts";
import { RateLimited } from "../app/rate-limited.ts";
import type { Reminder, Workspace } from "../domain/entities.ts";
import { composeReminder } from "./compose.ts";
import { BatchLeases } from "./leases.ts";
import { planQuarterly, planTraining } from "./plan.ts";
import { roundFollowUp } from "./round-follow-up.ts";

export interface DispatcherOptions {
  /** How many reminders one tick claims. */
  batchSize: number;
  /**
   * How long a claimed reminder is this process's unless renewed (every third of it while the batch is in hand);
   * after that another process may take it (this one died or lost the database).
   */
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
  /** Not delivered from here after all: the lease was taken over or could not be confirmed, or the database failed. */
  left: number;
}

const emptyResult = (claimed = 0): TickResult => ({
  claimed,
  sent: 0,
  retried: 0,
  failed: 0,
  skipped: 0,
  left: 0,
});

/**
 * Delivers due reminders. Every piece of state is in the reminders table, so any number of dispatchers (one per
 * instance) can run against one database: each claims rows with SKIP LOCKED under a lease, renews the lease while it
 * delivers, and records an outcome only while the lease's token is still the row's (a fencing token).
 */
export class Dispatcher {
  private readonly options: DispatcherOptions;
  private task: ScheduledTask | null = null;
  private running: Promise<TickResult> | null = null;
  private stopped = false;
  private lastPurge = 0;

  constructor(
    private readonly deps: {
      store: Store;
      chatFor(workspace: Workspace): ChatPort;
      commandFor?(workspace: Workspace): string;
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
    this.task = schedule(this.options.cronExpression, () => this.tick());
  }

  /** A tick for a timer: never rejects (a rejection would end the process); a failed one is logged, the next retries. */
  async tick(): Promise<void> {
    try {
      await this.tickOnce();
    } catch (error) {
      this.deps.log.error("reminder tick failed; the next tick tries again", { error: String(error) });
    }
  }

  /** Stops the timer and waits for the batch in hand to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.task?.stop();
    this.task = null;
    await this.running?.catch(() => {});
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
      // A failed purge is tried again next tick, and does not hold up the reminders.
      try {
        const purged = await purgeUninstalled(this.deps.store.repos, this.deps.now());
        this.lastPurge = now;
        if (purged > 0)
          this.deps.log.info("deleted uninstalled workspaces past retention", { count: purged });
      } catch (error) {
        this.deps.log.warn("deleting data past retention failed", { error: String(error) });
      }
    }
    const total = emptyResult();
    for (;;) {
      const result = await this.deliverBatch();
      for (const k of Object.keys(total) as (keyof TickResult)[]) total[k] += result[k];
      if (result.claimed < this.options.batchSize || this.stopped) return total;
    }
  }

  async deliverBatch(): Promise<TickResult> {
    const r = this.deps.store.repos;
    const claimedAt = performance.now();
    const claimed = await r.reminders.claimDue(
      this.deps.now(),
      this.options.batchSize,
      this.options.leaseSeconds,
    );
    const result = emptyResult(claimed.length);
    if (claimed.length === 0) return result;
    const leases = new BatchLeases(this.deps, this.options.leaseSeconds, claimedAt, claimed);
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
          result[await this.deliverHeld(reminder, leases)]++;
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: this.options.concurrency }, worker));
    } finally {
      leases.stop();
    }
    return result;
  }

  /** One reminder of the batch; whatever fails is logged and the reminder left for a later tick, never thrown. */
  private async deliverHeld(reminder: Reminder, leases: BatchLeases): Promise<keyof TickResult> {
    try {
      return await this.deliver(reminder, leases);
    } catch (error) {
      this.deps.log.warn("could not deliver a reminder; a later tick tries again", {
        reminder: reminder.id,
        error: String(error),
      });
      return "left";
    } finally {
      leases.release(reminder.id);
    }
  }

  private async deliver(reminder: Reminder, leases: BatchLeases): Promise<keyof TickResult> {
    const r = this.deps.store.repos;
    const token = reminder.leaseToken as string;
    const workspace = await r.workspaces.get(reminder.workspaceId);
    const delivery = workspace?.installed
      ? await composeReminder(r, workspace, reminder, this.deps.now(), commandOf(this.deps, workspace))
      : null;
    if (!workspace || !delivery || (!delivery.channel && !delivery.directTo)) {
      const kept = await this.record(reminder, leases, (q) => q.reminders.markCancelled(reminder.id, token));
      return kept ? "skipped" : "left";
    }
    // Checked just before the send: a lease taken over (or unconfirmed for as long as it lasts) may be another's.
    if (!leases.holds(reminder.id)) return "left";
    let reached = true;
    try {
      const chat = this.deps.chatFor(workspace);
      if (delivery.thread) await chat.replyInThread(delivery.thread, delivery.message);
      else if (delivery.channel) await chat.post(delivery.channel, delivery.message);
      // A private message alone is the reminder itself: a failed one is tried again like any send, and one the
      // platform has no way to deliver is not counted as sent (nobody was reached).
      else if (delivery.directTo)
        reached =
          (await chat.sendDirect(delivery.directTo, delivery.directMessage ?? delivery.message)) !== null;
      if (delivery.directTo && (delivery.channel || delivery.thread)) {
        await chat
          .sendDirect(delivery.directTo, delivery.directMessage ?? delivery.message)
          .catch((error) => {
            this.deps.log.warn("could not send a reminder directly", {
              reminder: reminder.id,
              error: String(error),
            });
          });
      }
    } catch (error) {
      return this.failed(reminder, leases, error);
    }
    if (!reached) {
      const kept = await this.record(reminder, leases, (q) => q.reminders.markCancelled(reminder.id, token));
      return kept ? "skipped" : "left";
    }
    const kept = await this.record(reminder, leases, async (q) => {
      if (!(await q.reminders.markSent(reminder.id, token, this.deps.now()))) return false;
      await this.followUp(q, workspace, reminder);
      return true;
    });
    return kept ? "sent" : "left";
  }

  /** A send that failed: after the platform's delay when it asked to wait (429), else with backoff, or given up. */
  private async failed(reminder: Reminder, leases: BatchLeases, error: unknown): Promise<keyof TickResult> {
    const token = reminder.leaseToken as string;
    const fields = {
      reminder: reminder.id,
      kind: reminder.kind,
      attempts: reminder.attempts,
      error: String(error),
    };
    const now = this.deps.now().getTime();
    if (error instanceof RateLimited) {
      const retryAt = new Date(now + error.retryAfterMs);
      const kept = await this.record(reminder, leases, (q) =>
        q.reminders.markRateLimited(reminder.id, token, String(error), retryAt),
      );
      this.deps.log.warn("reminder rate limited; will retry after the platform's delay", fields);
      return kept ? "retried" : "left";
    }
    const giveUp = reminder.attempts >= this.options.maxAttempts;
    const retryAt = giveUp ? null : new Date(now + this.options.backoffSeconds(reminder.attempts) * 1000);
    const kept = await this.record(reminder, leases, (q) =>
      q.reminders.markFailed(reminder.id, token, String(error), retryAt),
    );
    if (!kept) return "left";
    if (giveUp) this.deps.log.error("reminder failed for good", fields);
    else this.deps.log.warn("reminder failed; will retry", fields);
    return giveUp ? "failed" : "retried";
  }

  /**
   * Records a reminder's outcome in one transaction, while its lease is renewed. A failing database is tried again
   * until it answers or the dispatcher stops (the token decides whether the outcome still counts); false when the
   * lease was lost: another dispatcher has the reminder, and nothing is recorded from here.
   */
  private async record(
    reminder: Reminder,
    leases: BatchLeases,
    outcome: (q: Repos) => Promise<boolean>,
  ): Promise<boolean> {
    leases.record(reminder.id);
    for (;;) {
      try {
        const kept = await this.deps.store.transaction(outcome);
        if (!kept)
          this.deps.log.warn("lost the lease on a reminder before its outcome was recorded; not recorded", {
            reminder: reminder.id,
          });
        return kept;
      } catch (error) {
        const fields = { reminder: reminder.id, error: String(error) };
        if (this.stopped) {
          this.deps.log.error("could not record a reminder's outcome before stopping", fields);
          return false;
        }
        this.deps.log.warn("could not record a reminder's outcome; trying again", fields);
        await sleep(Math.min(1000, (this.options.leaseSeconds * 1000) / 3));
      }
    }
  }

  /** Reminders that recur plan their next occurrence with the record that they have gone out. */
  private async followUp(q: Repos, workspace: Workspace, reminder: Reminder): Promise<void> {
    const now = new Date(this.deps.now().getTime() + 1000);
    if (reminder.kind === "quarterly.status") await planQuarterly(q, workspace, now);
    if (reminder.kind === "meeting.prepare" || reminder.kind === "round.ask")
      await roundFollowUp(q, workspace, reminder, now);
    if (reminder.kind === "training.supplementary") {
      const members = (await q.members.list(workspace.id)).filter(
        (m) => m.userId === reminder.payload.userId,
      );
      await planTraining(q, workspace, members, now);
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
