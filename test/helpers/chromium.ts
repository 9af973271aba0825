import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

/** Debian's Chromium (CI installs it in .ci/run), or the one CHROMIUM_PATH names. */
export const CHROMIUM = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
  (p): p is string => Boolean(p && existsSync(p)),
);

/** Says once, when a browser test file is loaded, why it is skipped on a machine without Chromium. */
export function sayWhyNoChromium(file: string) {
  if (!CHROMIUM)
    console.warn(
      `${file} skipped: no Chromium found (install Debian's with \`apt-get install -y chromium\`, or set CHROMIUM_PATH).`,
    );
}

/** Headless Chromium with a profile of its own (removed by `close`), quiet: no network of its own, no updates. */
export async function launchChromium(
  options: {
    acceptDownloads?: boolean;
    bypassCSP?: boolean;
    viewport?: { width: number; height: number };
  } = {},
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), "browser-test-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM as string,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    ...options,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
