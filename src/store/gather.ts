/**
 * Gathers requests for the database into shared statements. A request goes at once while fewer than `maxStatements`
 * statements are under way; otherwise it waits for one to finish and goes with the requests that arrived meanwhile,
 * at most `maxItems` in one statement. An idle database adds no wait; a busy one gets fewer, larger statements.
 * When a shared statement fails, each of its requests is tried alone, one after another (in their order, and without
 * crowding the pool), so one request's outcome is never another's.
 */
export class Gatherer<I, O> {
  private readonly queue: { item: I; resolve: (out: O) => void; reject: (error: unknown) => void }[] = [];
  private running = 0;

  constructor(
    /** Runs the items in one statement; answers in their order. */
    private readonly statement: (items: I[]) => Promise<O[]>,
    private readonly options: { maxStatements: number; maxItems: number },
  ) {}

  run(item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.running < this.options.maxStatements && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxItems);
      this.running++;
      void this.send(batch).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async send(batch: Gatherer<I, O>["queue"]): Promise<void> {
    try {
      const outs = await this.statement(batch.map((p) => p.item));
      batch.forEach((p, i) => {
        p.resolve(outs[i] as O);
      });
    } catch (error) {
      if (batch.length > 1) {
        for (const p of batch) await this.send([p]);
        return;
      }
      for (const p of batch) p.reject(error);
    }
  }
}
