import { section, translator } from "../../src/i18n/index.ts";
import { cardTexts } from "../cards/texts.ts";

/** Texts only the local trial channel shows (the page at http://localhost:PORT/ when no Slack or Teams is set up). */
export const localTexts = section(
  {
    "local.title": "Arbejdsmiljøbotten · lokal prøve",
    "local.banner_title": "Lokal prøve",
    "local.banner":
      "Her prøver du botten uden Slack eller Teams: kanalen, knapperne og formularerne er de samme, men alt bliver på denne computer.",
    "local.workspace_name": "Lokal prøve",
    "local.channel_name": "arbejdsmiljø",
    "local.direct": "Direkte beskeder",
    "local.direct_note": "Her ser du de beskeder, botten sender direkte til den person, du er lige nu.",
    "local.you_are": "Du er",
    "local.switch_hint":
      "Skift person for at prøve begge sider, fx at arbejdsgiveren og repræsentanten godkender referatet.",
    "local.role_employee": "Medarbejder",
    "local.bot_name": "Arbejdsmiljøbotten",
    "local.pinned": "Fastgjort",
    "local.pinned_none": "Intet fastgjort endnu. Referatet fastgøres her, når drøftelsen er afsluttet.",
    "local.composer_placeholder": "Skriv fx /arbejdsmiljø opsæt (eller /arbejdsmiljø hjælp)",
    "local.send": "Send",
    "local.empty": "Ingen beskeder endnu. Begynd med /arbejdsmiljø opsæt.",
    "local.thread": "Tråd",
    "local.reply": "Svar i tråden",
    "local.replies": "{count, plural, one {# svar} other {# svar}}",
    "local.thread_placeholder": "Skriv i tråden (på et punkt bliver det en note)",
    "local.close": "Luk",
    "local.download": "Hent {name}",
    "local.offline": "Forbindelsen til botten er afbrudt. Jeg prøver igen …",
    "local.busy": "Et øjeblik …",
    "local.counter": "{used} af højst {max} tegn",
    "local.bad_request": "Forespørgslen kunne ikke læses, så intet er gemt.",
    "local.unknown_person": "Vælg først, hvem du er.",
    "local.too_long": "Beskeden er for lang (højst {max} tegn), så den er ikke sendt.",
    "local.not_found": "Beskeden findes ikke (længere).",
    "local.forbidden": "Den lokale prøve svarer kun på sider fra denne computer.",
  },
  {
    "local.title": "The working-environment bot · local trial",
    "local.banner_title": "Local trial",
    "local.banner":
      "Try the bot without Slack or Teams: the channel, buttons and forms are the same, but everything stays on this computer.",
    "local.workspace_name": "Local trial",
    "local.channel_name": "arbejdsmiljø",
    "local.direct": "Direct messages",
    "local.direct_note": "Here you see the messages the bot sends directly to the person you are now.",
    "local.you_are": "You are",
    "local.switch_hint":
      "Switch person to try both sides, e.g. the employer and the representative approving the minutes.",
    "local.role_employee": "Employee",
    "local.bot_name": "The working-environment bot",
    "local.pinned": "Pinned",
    "local.pinned_none": "Nothing pinned yet. The minutes are pinned here when the discussion is concluded.",
    "local.composer_placeholder": "Type e.g. /arbejdsmiljø setup (or /arbejdsmiljø help)",
    "local.send": "Send",
    "local.empty": "No messages yet. Begin with /arbejdsmiljø setup.",
    "local.thread": "Thread",
    "local.reply": "Reply in thread",
    "local.replies": "{count, plural, one {# reply} other {# replies}}",
    "local.thread_placeholder": "Write in the thread (on an agenda point it becomes a note)",
    "local.close": "Close",
    "local.download": "Download {name}",
    "local.offline": "The connection to the bot was lost. Trying again …",
    "local.busy": "One moment …",
    "local.counter": "{used} of at most {max} characters",
    "local.bad_request": "The request could not be read, so nothing was stored.",
    "local.unknown_person": "Choose who you are first.",
    "local.too_long": "The message is too long (at most {max} characters), so it was not sent.",
    "local.not_found": "The message does not exist (any more).",
    "local.forbidden": "The local trial only answers pages from this computer.",
  },
);

export const { t, isMessageKey, allKeys } = translator(cardTexts, localTexts);

/** A key of the texts the local channel shows: the core's, the cards', its own. */
export type LocalKey = Parameters<typeof t>[1];
