import { listenHostFor, loadConfig, PLATFORMS } from "../adapters/index.ts";
import { ConfigError } from "./config.ts";
import { startServer } from "./server.ts";

const SHUTDOWN_DEADLINE_MS = 10_000;

try {
  const config = loadConfig();
  const server = await startServer(config, PLATFORMS, { listenHost: listenHostFor(config) });
  let stopping = false;
  // SIGTERM: stop taking requests, finish the ones in flight and the reminder batch in hand, close the database.
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(
      JSON.stringify({ time: new Date().toISOString(), level: "info", message: "shutting down", signal }),
    );
    setTimeout(() => {
      console.error("Shutdown took longer than 10 s; exiting anyway.");
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    await server.stop();
    console.log(JSON.stringify({ time: new Date().toISOString(), level: "info", message: "stopped" }));
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
