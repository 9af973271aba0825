import type { AdapterFactory } from "../../src/platforms.ts";

/** Teams adapter (issue 4). */
export const teamsAdapter: AdapterFactory = async () => null;
