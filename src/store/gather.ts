/**
 * Gathers requests for the database into shared statements. A request goes at once while fewer than `maxStatements`
 * statements are under way; otherwise it waits for one to finish and goes with the requests that arrived meanwhile,
 * at most `maxItems` in one statement. An idle database adds no wait; a busy one gets fewer, larger statements.
 * When a shared statement fails, each of its requests is tried alone, one after another (in their order, and without
 * crowding the pool), so one request's outcome is never another's; those retries go beside the statements that
 * follow, so one failed batch does not hold up the requests behind it.
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
      void this.send(batch);
    }
  }

  private async send(batch: Gatherer<I, O>["queue"]): Promise<void> {
    const outcome = await this.statement(batch.map((p) => p.item)).then(
      (outs) => ({ outs }),
      (error: unknown) => ({ error }),
    );
    // The statement's place is free before any retry: one failed batch does not hold up the requests behind it.
    this.running--;
    this.pump();
    if ("outs" in outcome) {
      batch.forEach((p, i) => {
        p.resolve(outcome.outs[i] as O);
      });
      return;
    }
    if (batch.length === 1) {
      batch[0]?.reject(outcome.error);
      return;
    }
    for (const p of batch) {
      await this.statement([p.item]).then(
        (outs) => p.resolve(outs[0] as O),
        (error: unknown) => p.reject(error),
      );
    }
  }
}
