import { createServer, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../adapters/index.ts";
import { type RunningServer, startServer } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { openPg } from "../../src/store/drivers/pg.ts";
import { DRIVERS } from "../helpers/db.ts";

const config = loadConfig({ PORT: "0", LOG_LEVEL: "error" });
const healthz = async (server: RunningServer) => {
  const answer = await fetch(`http://127.0.0.1:${server.port}/healthz`, { headers: { connection: "close" } });
  return { status: answer.status, body: await answer.json() };
};

describe.each(DRIVERS)("/healthz on $name", ({ open }) => {
  let db: Db;
  let server: RunningServer;
  beforeAll(async () => {
    db = await open();
    server = await startServer(config, [], { db, scheduler: false });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.close();
  });

  it("answers 200 while the database answers", async () => {
    expect(await healthz(server)).toEqual({ status: 200, body: { status: "ok", database: "ok" } });
  });
});

describe("/healthz with a database that takes connections and never answers", () => {
  // A PostgreSQL address where nothing answers: a connection is accepted and left silent (a hung server or network).
  const sockets = new Set<Socket>();
  const silent = createServer((socket) => {
    sockets.add(socket);
  });
  let db: Db;
  let server: RunningServer;
  beforeAll(async () => {
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as { port: number }).port;
    db = openPg(`postgres://postgres@127.0.0.1:${port}/silent`, 1);
    server = await startServer(config, [], { db, scheduler: false });
  });
  afterAll(async () => {
    await server?.stop();
    // Cut the silent connections, so the pool's waiting connection fails and the pool can close.
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
    await db?.close();
  });

  it("answers 503 rather than waiting with it", async () => {
    expect(await healthz(server)).toEqual({
      status: 503,
      body: { status: "unavailable", database: "unreachable" },
    });
  });
});
