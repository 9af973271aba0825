import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "../../src/i18n/index.ts";

const LOCALE = { da: "da-DK", en: "en-GB" } as const;

describe("dates written out in full", () => {
  it.each(["da", "en"] as const)(
    "match Intl's full date in %s for every month, as text and as a moment",
    (language) => {
      for (let month = 1; month <= 12; month++) {
        const iso = `2026-${String(month).padStart(2, "0")}-07`;
        const intl = DateTime.fromISO(iso, { zone: "Europe/Copenhagen" })
          .setLocale(LOCALE[language])
          .toLocaleString(DateTime.DATE_FULL);
        expect(formatDate(language, iso, "Europe/Copenhagen")).toBe(intl);
        expect(formatDate(language, new Date(`${iso}T10:00:00Z`), "Europe/Copenhagen")).toBe(intl);
      }
    },
  );

  it("takes the day in the workplace's time zone, and writes the time as each language does", () => {
    const lateUtc = new Date("2026-11-24T23:30:00Z");
    expect(formatDate("da", lateUtc, "Europe/Copenhagen")).toBe("25. november 2026");
    expect(formatDateTime("da", new Date("2026-12-10T09:00:00Z"), "Europe/Copenhagen")).toBe(
      "10. december 2026 kl. 10.00",
    );
    expect(formatDateTime("en", new Date("2026-12-10T09:00:00Z"), "Europe/Copenhagen")).toBe(
      "10 December 2026 at 10:00",
    );
  });
});
