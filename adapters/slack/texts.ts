import { section, translator } from "../../src/i18n/index.ts";

/** Texts only the Slack adapter shows: the pages after an OAuth install, modal titles short enough for Slack. */
export const slackTexts = section(
  {
    "slack.install_title": "Arbejdsmiljø i Slack",
    "slack.invite_bot":
      "Jeg er ikke medlem af {channel}, og en privat kanal kan jeg ikke selv gå ind i. Inviter mig med /invite @Arbejdsmiljø i kanalen.",
    "slack.start_again":
      "Skriv derefter /arbejdsmiljø start igen, så lægger jeg drøftelsens beskeder i kanalen.",
    "slack.resynced": "Drøftelsen er allerede i gang. Dens beskeder i kanalen er bragt ajour.",
    "slack.continued_in_dm": "Svaret er langt, så resten kommer som privat besked fra mig.",
    // Said when work Slack was already answered for fails: the modal has closed, so the user must hear it.
    "slack.not_saved":
      "Det gik ikke igennem, fordi noget gik galt hos os, så det er ikke gemt. Prøv igen om lidt; det, der var registreret før, er ikke tabt.",
    "slack.not_saved_text": "Det, du skrev, så du kan sende det igen:",
    "slack.not_saved_fields": "Det blev ikke gemt: noget af det indtastede kunne ikke bruges.",
    "slack.reply_not_saved":
      "Dit svar i tråden blev ikke gemt som note, fordi noget gik galt hos os. Ret svaret om lidt (eller skriv det igen), så gemmer jeg det.",
    // Slack allows 24 characters in a modal's title; the full title is shown at the top of the modal.
    "slack.modal_title.cooperation_plan": "Samarbejdet næste år",
    "slack.people_by_name": "Andre, uden for Slack (navne adskilt af komma)",
    "slack.modal_title.competences": "Kompetencer, uddannelse",
    "slack.installed": "Botten er nu installeret i {team}.",
    "slack.installed_next":
      "Skriv /arbejdsmiljø opsæt i den kanal, hvor drøftelsen skal holdes, og inviter botten til kanalen. /arbejdsmiljø hjælp viser alle kommandoer.",
    "slack.install_failed":
      "Installationen blev ikke gennemført, og intet er gemt. Start forfra fra installationslinket, eller bed en administrator af jeres Slack om at godkende appen.",
  },
  {
    "slack.install_title": "Arbejdsmiljø in Slack",
    "slack.invite_bot":
      "I am not a member of {channel}, and I cannot join a private channel by myself. Invite me with /invite @Arbejdsmiljø in the channel.",
    "slack.start_again":
      "Then type /arbejdsmiljø start again, and I will post the discussion's messages in the channel.",
    "slack.resynced": "The discussion is already running. Its messages in the channel are up to date again.",
    "slack.continued_in_dm": "The answer is long, so the rest follows as a direct message from me.",
    "slack.not_saved":
      "That did not go through because something went wrong on our side, so it was not saved. Please try again shortly; nothing recorded before has been lost.",
    "slack.not_saved_text": "What you wrote, so you can send it again:",
    "slack.not_saved_fields": "That was not saved: some of what you entered could not be used.",
    "slack.reply_not_saved":
      "Your reply in the thread was not saved as a note, because something went wrong on our side. Edit the reply shortly (or write it again) and I will save it.",
    "slack.modal_title.cooperation_plan": "Cooperation next year",
    "slack.people_by_name": "Others, outside Slack (names separated by commas)",
    "slack.modal_title.competences": "Competences, training",
    "slack.installed": "The bot is now installed in {team}.",
    "slack.installed_next":
      "Type /arbejdsmiljø setup in the channel where the discussion will be held, and invite the bot to that channel. /arbejdsmiljø help lists every command.",
    "slack.install_failed":
      "The installation did not complete and nothing was stored. Start again from the install link, or ask an administrator of your Slack to approve the app.",
  },
);

export const { t, isMessageKey } = translator(slackTexts);
