import { section } from "../../../src/i18n/index.ts";

/** The tab's texts: its page (sent in both languages, the page picks Teams' own), its answers, the summary's link. */
export const tabTexts = section(
  {
    "tab.heading": "Årlig arbejdsmiljødrøftelse",
    "tab.loading": "Henter referatet …",
    "tab.outside_teams": "Siden virker kun som fane i Microsoft Teams. Åbn appen Arbejdsmiljø i Teams.",
    "tab.sign_in_failed":
      "Du kunne ikke logges ind. Luk fanen, og åbn den igen. Sker det igen, skal jeres Teams-administrator give appen adgang (se vejledningen).",
    "tab.refused": "Din adgang kunne ikke bekræftes, så intet vises. Luk fanen, og åbn den igen.",
    "tab.not_on_roster":
      "Du står ikke på arbejdspladsens liste over deltagere i arbejdsmiljøarbejdet, så referatet vises ikke for dig. Spørg arbejdsgiveren, hvis du skal have adgang.",
    "tab.not_set_up":
      "Arbejdsmiljø-botten er ikke sat op i jeres organisation endnu. Tilføj appen til et team, og skriv @Arbejdsmiljø opsæt i kanalen.",
    "tab.failed": "Referatet kunne ikke hentes lige nu. Prøv igen om lidt.",
    "tab.reload": "Hent igen",
    "tab.status": "Status og godkendelse",
    "tab.referat": "Referat",
    "tab.follow_up": "Opfølgning",
    "tab.follow_up_none": "Ingen beslutninger eller mål at følge op på.",
    "tab.version": "Version {version} · SHA-256 {sha}",
    "tab.from_year": "Fra {year}",
    "tab.no_record": "Der er intet referat endnu. Det kommer her, når drøftelsen er afsluttet.",
    "tab.running": "Årets drøftelse er i gang. Referatet kommer her, når den er afsluttet.",
    "tab.planned": "Årets drøftelse er planlagt til {when}. Referatet kommer her, når den er afsluttet.",
    "tab.held_elsewhere": "Drøftelsen holdes i {channel}. Her ser du det samme referat.",
    "tab.another_channel": "en anden kanal",
    "tab.config_intro":
      "Fanen viser årets referat med status og godkendelser og listen over beslutninger og mål, der skal følges op. Vælg Gem for at tilføje den.",
    "tab.name": "Referat",
    "tab.kept_in_tab":
      "Referatet ligger fast på fanen Referat i kanalen, med status, godkendelser og opfølgning. Har kanalen ikke fanen endnu, så tilføj den med + øverst i kanalen.",
    "tab.kept_in_chat":
      "Referatet ligger fast på fanen Referat i chatten, med status, godkendelser og opfølgning. Har chatten ikke fanen endnu, så tilføj den med + øverst i chatten.",
    "tab.kept_in_app":
      "Referatet ligger også på fanen Referat i appen Arbejdsmiljø, med status, godkendelser og opfølgning.",
    "tab.open_tab": "Åbn fanen Referat",
  },
  {
    "tab.heading": "Annual working-environment discussion",
    "tab.loading": "Fetching the minutes …",
    "tab.outside_teams":
      "This page only works as a tab in Microsoft Teams. Open the Arbejdsmiljø app in Teams.",
    "tab.sign_in_failed":
      "You could not be signed in. Close the tab and open it again. If it happens again, your Teams administrator must grant the app access (see the guide).",
    "tab.refused":
      "Your access could not be confirmed, so nothing is shown. Close the tab and open it again.",
    "tab.not_on_roster":
      "You are not on the workplace's list of people in the working-environment work, so the minutes are not shown to you. Ask the employer if you need access.",
    "tab.not_set_up":
      "The Arbejdsmiljø bot is not set up in your organisation yet. Add the app to a team and write @Arbejdsmiljø setup in the channel.",
    "tab.failed": "The minutes could not be fetched just now. Try again shortly.",
    "tab.reload": "Fetch again",
    "tab.status": "Status and approval",
    "tab.referat": "Minutes",
    "tab.follow_up": "Follow-up",
    "tab.follow_up_none": "No decisions or goals to follow up.",
    "tab.version": "Version {version} · SHA-256 {sha}",
    "tab.from_year": "From {year}",
    "tab.no_record": "There are no minutes yet. They appear here once the discussion is concluded.",
    "tab.running": "This year's discussion is under way. The minutes appear here once it is concluded.",
    "tab.planned":
      "This year's discussion is planned for {when}. The minutes appear here once it is concluded.",
    "tab.held_elsewhere": "The discussion is held in {channel}. These are the same minutes.",
    "tab.another_channel": "another channel",
    "tab.config_intro":
      "The tab shows this year's minutes with their status and approvals, and the list of decisions and goals to follow up. Choose Save to add it.",
    "tab.name": "Minutes",
    "tab.kept_in_tab":
      "The minutes are kept in the channel's Minutes tab, with their status, approvals and follow-up. If the channel does not have the tab yet, add it with + at the top of the channel.",
    "tab.kept_in_chat":
      "The minutes are kept in the chat's Minutes tab, with their status, approvals and follow-up. If the chat does not have the tab yet, add it with + at the top of the chat.",
    "tab.kept_in_app":
      "The minutes are also kept in the Minutes tab of the Arbejdsmiljø app, with their status, approvals and follow-up.",
    "tab.open_tab": "Open the Minutes tab",
  },
);
