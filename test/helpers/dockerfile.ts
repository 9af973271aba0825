import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { PROJECT_ROOT } from "./npm-start.ts";

/** One instruction of a Dockerfile, its continuation lines joined. */
export interface Instruction {
  op: string;
  args: string;
}

/** The project's Dockerfile as instructions, in order (comments and blank lines dropped). */
export async function readDockerfile(): Promise<Instruction[]> {
  const text = await readFile(join(PROJECT_ROOT, "Dockerfile"), "utf8");
  const joined = text.replace(/\\\n\s*/g, "");
  return joined
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("#"))
    .map((line) => {
      const op = line.split(/\s+/)[0] ?? "";
      return { op: op.toUpperCase(), args: line.slice(op.length).trim() };
    });
}

/** `ENV A=1 B=2` as pairs. */
export const envPairs = (args: string): [string, string][] =>
  args.split(/\s+/).map((pair) => {
    const at = pair.indexOf("=");
    return [pair.slice(0, at), pair.slice(at + 1)];
  });

/** The exec form `["node", "-e", "..."]` of CMD and HEALTHCHECK ... CMD. */
export function execForm(args: string): string[] {
  const json = args.slice(args.indexOf("["));
  return JSON.parse(json) as string[];
}

/** The names .dockerignore keeps out of the build context: plain names and `*.ext` patterns at the top. */
export async function dockerignored(): Promise<(name: string) => boolean> {
  const lines = (await readFile(join(PROJECT_ROOT, ".dockerignore"), "utf8"))
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
  return (name) =>
    lines.some((pattern) =>
      pattern.startsWith("*.") ? name.endsWith(pattern.slice(1)) && !name.includes("/") : name === pattern,
    );
}
