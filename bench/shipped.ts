// What the load benchmarks run of the app, bundled as `npm start` bundles it (bench/bundle.ts).
export { slackAdapter } from "../adapters/slack/index.ts";
export { teamsAdapter } from "../adapters/teams/index.ts";
export { loadConfig } from "../src/config.ts";
export { keepConnections, startServer } from "../src/server.ts";
