import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Express, Response } from "express";
import { AppError, type Core, type Logger } from "../../../src/app/index.ts";
import { languageOfLocale } from "../../../src/domain/locale.ts";
import type { Language } from "../../../src/domain/types.ts";
import { projectPath } from "../../../src/root.ts";
import { t } from "../texts.ts";
// Types only: jose is loaded with the verifier, once Teams is configured.
import type { EntraVerifier } from "./entra.ts";
import { CHANNEL_TAB } from "./link.ts";
import { tabTexts } from "./texts.ts";
import { tabView } from "./view.ts";

const PUBLIC = projectPath("adapters/teams/public/");
const require = createRequire(import.meta.url);
/** Microsoft's own browser build of the Teams JavaScript library (a global `microsoftTeams`). */
const TEAMS_JS = require.resolve("@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js");

/** Only this server's scripts run; only Teams and the Microsoft 365 hosts may frame the pages. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors teams.microsoft.com *.teams.microsoft.com *.cloud.microsoft *.microsoft365.com *.office.com outlook.office.com outlook.office365.com",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** What the pages know before anyone signs in: their texts in both languages, and the tab's entity id. */
const SETUP = JSON.stringify({ texts: tabTexts, entityId: CHANNEL_TAB }).replace(/</g, "\\u003c");

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;
const CHANNEL = /^[\w:@.;=-]{1,200}$/;

export interface TabDeps {
  core: Core;
  log: Logger;
  /** Null when Teams has no credentials: the data route then answers 401 to everyone. */
  verify: EntraVerifier | null;
}

/**
 * The app's tab in Teams (channel, group chat and personal): GET /teams/tab and its configuration page, their
 * scripts, and GET /teams/tab/data, which answers only a request carrying a valid Entra ID token of a person on the
 * workplace's roster.
 */
export function registerTab(http: Express, deps: TabDeps) {
  const page = (script: string) => async (_req: unknown, res: Response) => {
    const template = await readFile(`${PUBLIC}tab.html`, "utf8");
    res.setHeader("content-security-policy", CSP);
    res.setHeader("cache-control", "no-cache");
    res.type("html").send(template.replace('"SETUP"', () => SETUP).replace("{{SCRIPT}}", script));
  };
  http.get("/teams/tab", page("tab.js"));
  http.get("/teams/tab/config", page("config.js"));
  const file = (route: string, path: string, type: string) =>
    http.get(route, (_req, res) => {
      res.setHeader("cache-control", "no-cache");
      res.type(type).sendFile(path);
    });
  file("/teams/tab/tab.js", `${PUBLIC}tab.js`, "js");
  file("/teams/tab/config.js", `${PUBLIC}config.js`, "js");
  file("/teams/tab/tab.css", `${PUBLIC}tab.css`, "css");
  file("/teams/tab/teams.js", TEAMS_JS, "js");
  http.get("/teams/tab/data", (req, res) => void answerData(deps, req, res));
}

type Req = Parameters<Parameters<Express["get"]>[1]>[0];

async function answerData(deps: TabDeps, req: Req, res: Response) {
  res.setHeader("cache-control", "no-store");
  const locale = typeof req.query.locale === "string" ? req.query.locale : "";
  // A locale the bot does not speak leaves the person's remembered language, or the workplace's, to the core.
  const own = languageOfLocale(locale);
  const language: Language = own ?? "da";
  const refuse = (status: number, reason: string, key: Parameters<typeof t>[1]) =>
    void res.status(status).json({ reason, message: t(language, key) });
  const token = BEARER.exec(req.headers.authorization ?? "")?.[1];
  if (!deps.verify || !token) return refuse(401, "refused", "tab.refused");
  const user = await deps.verify(token);
  if (user === "keys_unavailable") {
    deps.log.warn("teams tab token not checked: Entra's signing keys could not be fetched");
    res.setHeader("retry-after", "30");
    return refuse(503, "failed", "tab.failed");
  }
  if (typeof user === "string") {
    deps.log.warn("teams tab token refused", { reason: user });
    return refuse(401, "refused", "tab.refused");
  }
  const channel =
    typeof req.query.channel === "string" && CHANNEL.test(req.query.channel) ? req.query.channel : null;
  try {
    const actor = { userId: user.userId, name: user.name || user.userId, ...(own ? { language: own } : {}) };
    const ctx = await deps.core.knownContext("teams", user.tenantId, actor);
    if (!ctx) return refuse(403, "not_set_up", "tab.not_set_up");
    // Read as a private answer to the person: the core lets only those on the workplace's roster read.
    res.json(await tabView(deps.core, { ...ctx, place: { conversation: null, private: true } }, channel));
  } catch (error) {
    if (error instanceof AppError && error.code === "forbidden")
      return refuse(403, "not_on_roster", "tab.not_on_roster");
    deps.log.error("teams tab could not be read", { error: String(error) });
    refuse(error instanceof AppError && error.retryable ? 503 : 500, "failed", "tab.failed");
  }
}
