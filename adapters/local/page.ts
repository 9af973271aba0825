import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Express } from "express";
import type { Language } from "../../src/domain/types.ts";
import { projectPath } from "../../src/root.ts";
import { isMessageKey, t } from "./texts.ts";

const PUBLIC = projectPath("adapters/local/public/");
const require = createRequire(import.meta.url);
/** The real Adaptive Cards renderer, as its prebuilt browser bundle (a global `AdaptiveCards`). */
const ADAPTIVE_CARDS = require.resolve("adaptivecards/dist/adaptivecards.min.js");

/** The page runs only scripts from this server; the cards' inline styles are the renderer's own. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

/** Fills the page's {{key}} and {{da:key}} slots with the catalogue's `local.*` texts, escaped. */
export function fillTexts(template: string, language: Language): string {
  return template.replace(
    /\{\{(?:(da|en):)?([a-z_]+)\}\}/g,
    (whole, lang: Language | undefined, name: string) => {
      const key = `local.${name}`;
      return isMessageKey(key) ? escapeHtml(t(lang ?? language, key)) : whole;
    },
  );
}

/** GET / (the page, in the workspace's language) and its plain script and style files: no build step. */
export function registerPage(http: Express, languageNow: () => Promise<Language>) {
  http.get("/", async (_req, res) => {
    const template = await readFile(`${PUBLIC}index.html`, "utf8");
    res.setHeader("content-security-policy", CSP);
    res.setHeader("cache-control", "no-cache");
    res.type("html").send(fillTexts(template, await languageNow().catch(() => "da" as const)));
  });
  const file = (route: string, path: string, type: string) =>
    http.get(route, (_req, res) => {
      res.setHeader("cache-control", "no-cache");
      res.type(type).sendFile(path);
    });
  file("/local/app.js", `${PUBLIC}app.js`, "js");
  file("/local/markdown.js", `${PUBLIC}markdown.js`, "js");
  file("/local/cards.js", `${PUBLIC}cards.js`, "js");
  file("/local/composer.js", `${PUBLIC}composer.js`, "js");
  file("/local/plural.js", `${PUBLIC}plural.js`, "js");
  file("/local/style.css", `${PUBLIC}style.css`, "css");
  file("/local/adaptivecards.js", ADAPTIVE_CARDS, "js");
}
