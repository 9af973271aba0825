import { fileURLToPath } from "node:url";

/**
 * A path inside the project's folder (migrations/, adapters/local/public/), for files read at run time. This file is
 * one level below that folder, and so is everything `npm run build` writes (dist/), where this code ends up:
 * the same relative URL holds in both.
 */
export const projectPath = (relative: string): string =>
  fileURLToPath(new URL(`../${relative}`, import.meta.url));
