import type { CallbackOptions } from "@slack/oauth";
import type { Core, Logger } from "../../src/app/index.ts";
import type { Language } from "../../src/domain/types.ts";
import { t } from "./texts.ts";

const html = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function page(language: Language, status: number, lines: string[]) {
  const body = lines.map((line) => `<p>${html(line)}</p>`).join("\n");
  return {
    status,
    text: `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${html(t(language, "slack.install_title"))}</title></head><body>\n<h1>${html(t(language, "slack.install_title"))}</h1>\n${body}\n</body></html>`,
  };
}

/**
 * After Slack's OAuth redirect: the workspace is marked installed (a reinstall resumes its reminders and cancels the
 * pending deletion), and the installer sees a page in the workspace's language instead of Bolt's English one.
 */
export function oauthCallbacks(core: Core, log: Logger): CallbackOptions {
  return {
    async successAsync(installation, _options, _req, res) {
      const teamId = installation.team?.id ?? installation.enterprise?.id ?? "";
      let language: Language = "da";
      let team = installation.team?.name ?? installation.enterprise?.name ?? teamId;
      // An org-wide install names no workspace: each of its teams becomes one when it is first heard from.
      if (!installation.isEnterpriseInstall) {
        try {
          const workspace = await core.markInstalled(
            "slack",
            teamId,
            installation.team?.name ?? "",
            installation.user?.id ?? null,
          );
          language = workspace.language;
          team = workspace.name || team;
        } catch (error) {
          log.error("slack install: could not mark the workspace installed", {
            teamId,
            error: String(error),
          });
        }
      }
      const { status, text } = page(language, 200, [
        t(language, "slack.installed", { team }),
        t(language, "slack.installed_next"),
      ]);
      res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
      res.end(text);
    },
    failure(error, _options, _req, res) {
      log.warn("slack install failed", { code: error.code, error: error.message });
      const { status, text } = page("da", 400, [t("da", "slack.install_failed")]);
      res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
      res.end(text);
    },
  };
}
