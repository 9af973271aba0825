import type { ChatPort, MessageRef, OutboundMessage } from "../src/app/chat-port.ts";
import { silentLogger } from "../src/app/context.ts";
import { Dispatcher } from "../src/scheduler/dispatcher.ts";
import { storePort } from "../src/server.ts";
import type { Db } from "../src/store/db.ts";
import { benchDb } from "./db.ts";
import { type Benchmark, type BenchResult, round } from "./types.ts";

/** Counts what is sent, per channel, with the time of each send. */
class CountingChat {
  sends = new Map<string, number[]>();
  constructor(private readonly latencyMs: number) {}
  port(): ChatPort {
    const record = async (channel: string): Promise<MessageRef> => {
      if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
      const list = this.sends.get(channel) ?? [];
      list.push(Date.now());
      this.sends.set(channel, list);
      return { channel, id: String(list.length) };
    };
    const unused = async () => {
      throw new Error("not used in this benchmark");
    };
    return {
      post: (channel: string, _m: OutboundMessage) => record(channel),
      update: unused,
      replyInThread: (parent: MessageRef) => record(parent.channel),
      pin: async () => "unsupported",
      sendFile: unused,
      linkTo: async () => null,
      openForm: unused,
      sendDirect: async () => null,
    };
  }
  get total() {
    return [...this.sends.values()].reduce((n, l) => n + l.length, 0);
  }
  /** Sends to one channel closer together than a second. */
  get tooFast() {
    let n = 0;
    for (const times of this.sends.values())
      for (let i = 1; i < times.length; i++) if ((times[i] ?? 0) - (times[i - 1] ?? 0) < 1000) n++;
    return n;
  }
}

async function seed(db: Db, workspaces: number, perWorkspace: number, now: Date) {
  await db.query(
    `INSERT INTO workspaces (platform, external_id, name, headcount, default_channel)
     SELECT 'slack', 'T' || n, 'Firma ' || n, 20, 'C' || n FROM generate_series(1, $1::int) AS n`,
    [workspaces],
  );
  // One reminder per workspace is due now; the rest are spread over the coming year.
  await db.query(
    `INSERT INTO reminders (workspace_id, kind, subject_id, due_at, payload)
     SELECT w.id, 'apv.due', w.id::text,
            CASE WHEN k = 1 THEN $2::timestamptz - interval '1 minute' ELSE $2::timestamptz + make_interval(days => k * 30) END,
            '{"lastApvDate":"2023-05-01"}'
     FROM workspaces w CROSS JOIN generate_series(1, $1::int) AS k`,
    [perWorkspace, now],
  );
}

/** 100,000 reminders in 10,000 workspaces, 10,000 due at once: delivered by 1 and by 3 dispatchers. */
export const reminderDelivery: Benchmark = async ({ smoke, databaseUrl }) => {
  const workspaces = smoke ? 200 : 10_000;
  const perWorkspace = 10;
  const now = new Date();
  const { db, open, drop } = await benchDb(databaseUrl);
  const results: BenchResult[] = [];
  try {
    await seed(db, workspaces, perWorkspace, now);
    for (const count of [1, 3]) {
      await db.query(
        "UPDATE reminders SET status = 'pending', attempts = 0, leased_until = NULL, sent_at = NULL WHERE due_at <= $1",
        [now],
      );
      const chat = new CountingChat(1);
      const dispatchers = Array.from({ length: count }, () => {
        const own = databaseUrl ? open() : db;
        return new Dispatcher({
          store: storePort(own),
          chatFor: () => chat.port(),
          now: () => now,
          log: silentLogger,
        });
      });
      const start = performance.now();
      await Promise.all(dispatchers.map((d) => d.drain()));
      const seconds = (performance.now() - start) / 1000;
      const sent = await db.query<{ n: string }>("SELECT count(*) AS n FROM reminders WHERE status = 'sent'");
      const label = `${count} dispatcher${count > 1 ? "s" : ""}`;
      results.push(
        {
          benchmark: "reminders",
          metric: `${workspaces} due, ${label}: time to deliver all`,
          value: round(seconds, 2),
          unit: "s",
          target: "< 60 s",
          met: seconds < 60 && Number(sent[0]?.n) === workspaces,
        },
        {
          benchmark: "reminders",
          metric: `${label}: duplicates`,
          value: chat.total - chat.sends.size,
          unit: "messages",
          target: "0",
          met: chat.total === chat.sends.size,
        },
        {
          benchmark: "reminders",
          metric: `${label}: channel sends closer than 1 s`,
          value: chat.tooFast,
          unit: "pairs",
          target: "0",
          met: chat.tooFast === 0,
        },
      );
    }
  } finally {
    await drop();
  }
  return results;
};
