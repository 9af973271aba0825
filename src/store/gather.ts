type Pending<I, O> = { item: I; resolve: (out: O) => void; reject: (error: unknown) => void };

/**
 * Gathers requests for the database into shared statements. A request goes at once while fewer than `maxStatements`
 * statements are under way; otherwise it waits for one to finish and goes with the requests that arrived meanwhile,
 * at most `maxItems` in one statement. An idle database adds no wait; a busy one gets fewer, larger statements.
 * When a shared statement fails, each of its requests is tried alone, so one request's outcome is never another's.
 * Those retries go one at a time, in the order the requests came, beside the shared statements rather than in their
 * place: a failed batch does not hold up the requests behind it, and a failing database gets one statement more,
 * not one more per failed batch.
 */
export class Gatherer<I, O> {
  private readonly queue: Pending<I, O>[] = [];
  private running = 0;
  private readonly retries: Pending<I, O>[] = [];
  private retrying = false;

  constructor(
    /** Runs the items in one statement; answers in their order. */
    private readonly statement: (items: I[]) => Promise<O[]>,
    private readonly options: { maxStatements: number; maxItems: number },
  ) {}

  /** Statements' worth of requests waiting to go: the queue in shared statements, the retries one by one. */
  get backlog(): number {
    return Math.ceil(this.queue.length / this.options.maxItems) + this.retries.length;
  }

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

  private async send(batch: Pending<I, O>[]): Promise<void> {
    const outcome = await this.attempt(batch.map((p) => p.item));
    this.running--;
    this.pump();
    if ("outs" in outcome) {
      batch.forEach((p, i) => {
        p.resolve(outcome.outs[i] as O);
      });
    } else if (batch.length === 1) {
      batch[0]?.reject(outcome.error);
    } else {
      this.retries.push(...batch);
      void this.retryAlone();
    }
  }

  private async retryAlone(): Promise<void> {
    if (this.retrying) return;
    this.retrying = true;
    try {
      for (let p = this.retries.shift(); p; p = this.retries.shift()) {
        const outcome = await this.attempt([p.item]);
        if ("outs" in outcome) p.resolve(outcome.outs[0] as O);
        else p.reject(outcome.error);
      }
    } finally {
      this.retrying = false;
    }
  }

  /** The statement's outcome, whether it rejects or throws before it returns a promise. */
  private async attempt(items: I[]): Promise<{ outs: O[] } | { error: unknown }> {
    try {
      return { outs: await this.statement(items) };
    } catch (error) {
      return { error };
    }
  }
}
