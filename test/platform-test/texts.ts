import { section, translator } from "../../src/i18n/index.ts";

/** What the test platform shows beyond the core's texts: how it draws the core's messages as lines. */
export const testchatTexts = section(
  {
    "testchat.board": "Dagsorden {year}: {points}",
    "testchat.point": "Punkt {number}: {title} ({status}, {count} indlæg)",
    "testchat.announcement": "Drøftelsen {year} holdes {when}",
    "testchat.completeness": "Der mangler {count} lovkrav",
    "testchat.form": "Formular: {form} ved punkt {point}",
    "testchat.file": "Fil: {name}",
    "testchat.unknown_click": "Det kender jeg ikke: {type}",
  },
  {
    "testchat.board": "Agenda {year}: {points}",
    "testchat.point": "Point {number}: {title} ({status}, {count} entries)",
    "testchat.announcement": "The {year} discussion is held {when}",
    "testchat.completeness": "{count} legal requirements are missing",
    "testchat.form": "Form: {form} at point {point}",
    "testchat.file": "File: {name}",
    "testchat.unknown_click": "I do not know that: {type}",
  },
);

export const { t } = translator(testchatTexts);
