import { section, translator } from "../../src/i18n/index.ts";

/**
 * Texts the Adaptive Cards show, in Teams and in the local channel alike: card submits, forms, downloads, where the
 * summary is kept. Their keys say "teams." because the cards were drawn for Teams first.
 */
export const cardTexts = section(
  {
    "teams.bad_submit": "Kortet kunne ikke læses, så intet er gemt. Prøv igen fra det nyeste kort.",
    "teams.extra_fields": "Kortet indeholdt felter, jeg ikke kender ({fields}), så intet er gemt.",
    "teams.wrong_type": "Feltet {field} har en forkert type værdi, så intet er gemt.",
    "teams.saved": "Gemt.",
    "teams.cancel": "Luk formularen",
    "teams.person_or_name": "… eller skriv et navn",
    "teams.people_by_name": "Andre: skriv navne, adskilt af komma",
    "teams.choose": "Vælg",
    "teams.continued": "{title} (fortsat, del {page})",
    "teams.file_ready": "Filen {name} er klar til at hente.",
    "teams.file_download": "Hent filen",
    "teams.file_link_note":
      "Linket er personligt for arbejdspladsen. Del det kun med dem, der må læse dokumentet.",
    "teams.summary_kept":
      "Teams kan ikke fastgøre beskeder i en kanal. Referatet (version {version}) ligger som kort i denne samtale og kan altid hentes igen med kommandoen referat.",
    "teams.summary_pinned": "Referatet (version {version}) er gemt og fastgjort i chatten.",
    "teams.setup_channel": "Drøftelsen holdes i denne samtale.",
    "teams.setup_no_channel": "Brug opsæt i den kanal eller gruppechat, hvor drøftelsen skal holdes.",
    "teams.data_personal_only":
      "Arbejdspladsens data sendes kun i en personlig chat med mig. Skriv data til mig i en personlig chat.",
    "teams.planned_in_card": "Drøftelsen er planlagt til {when}.",
    "teams.conclude_reason_required": "Skriv en begrundelse for at afslutte, selv om noget mangler.",
    "teams.my_buttons": "Vis mine knapper",
    "teams.employer_concludes":
      "Når punktet er færdigt, afslutter arbejdsgiveren eller dennes repræsentant drøftelsen.",
  },
  {
    "teams.bad_submit": "The card could not be read, so nothing was saved. Try again from the newest card.",
    "teams.extra_fields": "The card held fields I do not know ({fields}), so nothing was saved.",
    "teams.wrong_type": "The field {field} has a value of the wrong type, so nothing was saved.",
    "teams.saved": "Saved.",
    "teams.cancel": "Close the form",
    "teams.person_or_name": "… or write a name",
    "teams.people_by_name": "Others: write names, separated by commas",
    "teams.choose": "Choose",
    "teams.continued": "{title} (continued, part {page})",
    "teams.file_ready": "The file {name} is ready to download.",
    "teams.file_download": "Download the file",
    "teams.file_link_note":
      "The link is private to the workplace. Share it only with those allowed to read the document.",
    "teams.summary_kept":
      "Teams cannot pin messages in a channel. The minutes (version {version}) are kept as a card in this conversation and can always be fetched again with the minutes command.",
    "teams.summary_pinned": "The minutes (version {version}) are saved and pinned in the chat.",
    "teams.setup_channel": "The discussion is held in this conversation.",
    "teams.setup_no_channel": "Use setup in the channel or group chat where the discussion is to be held.",
    "teams.data_personal_only":
      "The workplace's data is only sent in a personal chat with me. Write data to me in a personal chat.",
    "teams.planned_in_card": "The discussion is planned for {when}.",
    "teams.conclude_reason_required": "Write a reason to conclude although something is missing.",
    "teams.my_buttons": "Show my buttons",
    "teams.employer_concludes":
      "Once this point is done, the employer or their representative concludes the discussion.",
  },
);

export const { t } = translator(cardTexts);
