import { buildAsNpmStart } from "./helpers/npm-start.ts";

/** The tests that start the bot as a process run what `npm start` builds: it is built once, before any of them. */
export async function setup() {
  await buildAsNpmStart();
}
