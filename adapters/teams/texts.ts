import { section, translator } from "../../src/i18n/index.ts";
import { cardTexts } from "../cards/texts.ts";
import { tabTexts } from "./tab/texts.ts";

/** Texts only the Teams adapter shows: its welcome, refusals outside a Microsoft 365 organisation, expired links. */
export const teamsTexts = section(
  {
    "teams.welcome":
      "Hej! Jeg hjælper jer med den årlige arbejdsmiljødrøftelse. Nævn mig med @ og en kommando, fx opsæt eller hjælp.",
    "teams.no_tenant": "Beskeden kom ikke fra en Microsoft 365-organisation, så jeg kan ikke svare på den.",
    "teams.file_gone":
      "Linket virker ikke længere. Links til filer udløber efter et døgn (dataudtræk efter en time). Bed botten om filen igen.",
    "teams.file_declined":
      "Helt i orden, jeg gemmer ikke filen i din OneDrive. Du kan altid bede om den igen.",
    "teams.file_offer_gone":
      "Tilbuddet gælder ikke længere: filen er allerede sendt eller afvist, eller tilbuddet er for gammelt. Bed botten om filen igen.",
    "teams.file_upload_failed":
      "Filen kunne ikke lægges i din OneDrive lige nu. Prøv igen om lidt ved at bede botten om filen igen.",
  },
  {
    "teams.welcome":
      "Hello! I help you hold the annual working-environment discussion. Mention me with @ and a command, e.g. setup or help.",
    "teams.no_tenant": "The message did not come from a Microsoft 365 organisation, so I cannot answer it.",
    "teams.file_gone":
      "This link no longer works. Links to files expire after a day (a data export after an hour). Ask the bot for the file again.",
    "teams.file_declined":
      "That's fine, I won't save the file to your OneDrive. You can always ask for it again.",
    "teams.file_offer_gone":
      "That offer no longer holds: the file was already sent or declined, or the offer is too old. Ask the bot for the file again.",
    "teams.file_upload_failed":
      "The file could not be saved to your OneDrive just now. Try again shortly by asking the bot for the file again.",
  },
);

export const { t } = translator(cardTexts, teamsTexts, tabTexts);
