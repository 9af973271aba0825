import { readdir } from "node:fs/promises";
import { join } from "node:path";

/** Every TypeScript file under `dir`, for tests that read the code's own imports. */
export async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sourceFiles(path)));
    else if (path.endsWith(".ts")) out.push(path);
  }
  return out;
}
