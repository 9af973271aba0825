import type { Logger } from "../app/context.ts";
import type { Store } from "../app/ports.ts";
import type { Reminder } from "../domain/entities.ts";

/**
 * The leases of one claimed batch, renewed every third of the lease while the batch is delivered (its later rows wait
 * their turn behind the channel spacing, and one send can outlast a lease). A renewal answers which leases are still
 * this dispatcher's; a reminder whose lease was taken over, or not confirmed within the lease (the database was away),
 * is not sent from here.
 */
export class BatchLeases {
  private readonly held = new Map<string, string>();
  /** Reminders whose outcome is being recorded: the record clears the token, so a renewal then misses them. */
  private readonly recording = new Set<string>();
  /** performance.now() until which every lease still held is surely ours: the last renewal asked, plus the lease. */
  private confirmedUntil: number;
  private readonly timer: NodeJS.Timeout;
  private renewing = false;

  constructor(
    private readonly deps: { store: Store; now(): Date; log: Logger },
    private readonly leaseSeconds: number,
    /** performance.now() just before the claim was asked for. */
    claimedAt: number,
    claimed: readonly Reminder[],
  ) {
    for (const r of claimed) if (r.leaseToken) this.held.set(r.id, r.leaseToken);
    this.confirmedUntil = claimedAt + leaseSeconds * 1000;
    // The callback never rejects; unref'd so a batch in hand does not hold a stopping process open by itself.
    this.timer = setInterval(() => void this.renew(), (leaseSeconds * 1000) / 3);
    this.timer.unref();
  }

  /** True while the reminder's lease is surely this dispatcher's. */
  holds(id: string): boolean {
    return this.held.has(id) && performance.now() < this.confirmedUntil;
  }

  /** The reminder's outcome is being recorded; its lease is renewed until it is released. */
  record(id: string): void {
    this.recording.add(id);
  }

  /** The reminder's outcome is recorded (or it was given up): its lease need not be renewed any more. */
  release(id: string): void {
    this.held.delete(id);
    this.recording.delete(id);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async renew(): Promise<void> {
    if (this.renewing || this.held.size === 0) return;
    this.renewing = true;
    const asked = performance.now();
    const held = [...this.held].map(([id, leaseToken]) => ({ id, leaseToken }));
    try {
      const kept = await this.deps.store.repos.reminders.renew(held, this.deps.now(), this.leaseSeconds);
      for (const { id } of held) {
        if (kept.has(id) || !this.held.has(id) || this.recording.has(id)) continue;
        this.held.delete(id);
        this.deps.log.warn("lost the lease on a reminder; another dispatcher has it", { reminder: id });
      }
      this.confirmedUntil = asked + this.leaseSeconds * 1000;
    } catch (error) {
      this.deps.log.warn("could not renew reminder leases; trying again", { error: String(error) });
    } finally {
      this.renewing = false;
    }
  }
}
