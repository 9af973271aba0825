import { describe, expect, it } from "vitest";
import { loadConfig, PLATFORMS } from "../../adapters/index.ts";
import { ConfigError } from "../../src/config.ts";
import { allKeys, formatDate, formatDateTime, type Texts, t } from "../../src/i18n/index.ts";
import { createLogger } from "../../src/logger.ts";
import { testPlatform } from "../platform-test/index.ts";

describe("the message catalogues", () => {
  it("have the same keys in Danish and English, none empty", () => {
    expect(allKeys("en").sort()).toEqual(allKeys("da").sort());
    for (const key of allKeys("da")) {
      expect(t("da", key as never).trim()).not.toBe("");
      expect(t("en", key as never).trim()).not.toBe("");
    }
  });
  it.each([...PLATFORMS, testPlatform].map((p) => [p.id, p.texts] as const))(
    "have the same keys in Danish and English, none empty, in the texts %s adds",
    (_id, texts) => {
      expect(texts).toBeDefined();
      const { da, en } = texts as Texts;
      expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
      for (const text of [...Object.values(da), ...Object.values(en)]) expect(text.trim()).not.toBe("");
    },
  );
  it("fills placeholders", () => {
    expect(t("da", "summary.title", { year: 2026 })).toBe("Referat af den årlige arbejdsmiljødrøftelse 2026");
  });
  it("writes dates the Danish way in the workspace's time zone", () => {
    const at = new Date("2026-12-10T09:00:00Z");
    expect(formatDateTime("da", at, "Europe/Copenhagen")).toBe("10. december 2026 kl. 10.00");
    expect(formatDateTime("en", at, "Europe/Copenhagen")).toBe("10 December 2026 at 10:00");
    expect(formatDate("da", "2027-05-01", "Europe/Copenhagen")).toBe("1. maj 2027");
    expect(formatDateTime("da", new Date("2026-07-01T09:00:00Z"), "Europe/Copenhagen")).toBe(
      "1. juli 2026 kl. 11.00",
    );
  });
});

describe("the configuration", () => {
  it("uses the defaults when nothing is set", () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3978);
    expect(c.DATA_DIR).toBe("./data");
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.LOG_LEVEL).toBe("info");
  });
  it.each([
    [{ PORT: "abc" }, "Configuration error: PORT must be a port number (it is not valid)."],
    [
      { DATABASE_URL: "mysql://x" },
      "Configuration error: DATABASE_URL must be a postgres:// URL (it is not valid).",
    ],
    [
      { LOG_LEVEL: "loud" },
      "Configuration error: LOG_LEVEL must be debug, info, warn or error (it is not valid).",
    ],
    [
      { SLACK_BOT_TOKEN: "xoxb-1" },
      "Configuration error: SLACK_SIGNING_SECRET is required when SLACK_BOT_TOKEN is set.",
    ],
    [
      { SLACK_BOT_TOKEN: "abc" },
      "Configuration error: SLACK_BOT_TOKEN must be a bot token starting with xoxb- (it is not valid).",
    ],
    [
      { SLACK_CLIENT_ID: "1", SLACK_SIGNING_SECRET: "secret123" },
      "Configuration error: SLACK_CLIENT_SECRET is required when Slack OAuth is configured.",
    ],
    [
      { MICROSOFT_APP_ID: "id" },
      "Configuration error: MICROSOFT_APP_PASSWORD is required when MICROSOFT_APP_ID is set.",
    ],
  ])("stops with one line naming the variable: %j", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe("the logger", () => {
  it("never writes a token", () => {
    const lines: string[] = [];
    const log = createLogger("debug", (line) => lines.push(line));
    log.info("calling", { auth: "Bearer abc.def", token: "xoxb-123-456-abc", url: "https://x" });
    expect(lines.join()).not.toMatch(/xoxb-123|abc\.def/);
    expect(lines.join()).toContain("[redacted]");
  });
});
