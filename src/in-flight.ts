/**
 * How long a shutdown waits for work begun before it. The server stops the adapters after every request has been
 * answered or its connection closed (at most 5 s), and the process must be gone within 10 s of SIGTERM.
 */
export const SHUTDOWN_WORK_MS = 4_000;

/**
 * Work begun for requests, kept until it settles, so that a shutdown can wait for it before the database closes under
 * it: work after an answer (Slack acknowledges, then records), and work whose client has gone (the connection closed,
 * the handler still running).
 */
export class InFlight {
  private readonly working = new Set<Promise<unknown>>();

  /** Runs `work`, kept until it settles. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const running = work();
    this.working.add(running);
    try {
      return await running;
    } finally {
      this.working.delete(running);
    }
  }

  /** Waits until the work kept has settled, work begun meanwhile included, but no longer than `ms`. */
  async settled(ms = SHUTDOWN_WORK_MS): Promise<void> {
    const end = Date.now() + ms;
    while (this.working.size > 0 && Date.now() < end) {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, end - Date.now());
      });
      await Promise.race([Promise.allSettled([...this.working]), deadline]);
      clearTimeout(timer);
    }
  }
}
