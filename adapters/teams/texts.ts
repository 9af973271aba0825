import { section, translator } from "../../src/i18n/index.ts";
import { cardTexts } from "../cards/texts.ts";

/** Texts only the Teams adapter shows: its welcome, refusals outside a Microsoft 365 organisation, expired links. */
export const teamsTexts = section(
  {
    "teams.welcome":
      "Hej! Jeg hjælper jer med den årlige arbejdsmiljødrøftelse. Nævn mig med @ og en kommando, fx opsæt eller hjælp.",
    "teams.no_tenant": "Beskeden kom ikke fra en Microsoft 365-organisation, så jeg kan ikke svare på den.",
    "teams.file_gone":
      "Linket virker ikke længere. Links til filer udløber efter et døgn (dataudtræk efter en time). Bed botten om filen igen.",
  },
  {
    "teams.welcome":
      "Hello! I help you hold the annual working-environment discussion. Mention me with @ and a command, e.g. setup or help.",
    "teams.no_tenant": "The message did not come from a Microsoft 365 organisation, so I cannot answer it.",
    "teams.file_gone":
      "This link no longer works. Links to files expire after a day (a data export after an hour). Ask the bot for the file again.",
  },
);

export const { t } = translator(cardTexts, teamsTexts);
