import { section } from "../section.ts";

/** The walk-through's answers to bad input and to changes after concluding: truthful, and to the person alone. */
export const flow = section(
  {
    "problem.invalid_date_example": "Ikke en gyldig dato. Skriv den som dag-måned-år, fx {example}.",
    "problem.date_in_past_example": "Datoen er passeret. Vælg en dato frem i tiden, fx {example}.",
    "form.decision.why":
      "En beslutning skal have en ansvarlig og en frist. Så ved alle, hvem der sørger for den, og botten minder den ansvarlige om den, før fristen er nået.",
    "form.goal.why":
      "Et mål skal have et succeskriterium og en frist. Så kan I til næste år vurdere, om det blev nået, og botten minder jer om det undervejs.",
    "form.limit": "højst {max} tegn",
    "problem.required_within": "Skal udfyldes og må højst være {max} tegn.",
    "followup.owner": "Ansvarlig",
    "followup.deadline": "Frist",
    "followup.status": "Status",
    "followup.none": "ikke angivet",
    "followup.open": "åben",
    "followup.overdue": "åben, fristen er passeret",
    "refusal.concluded_use_amend":
      "Drøftelsen er afsluttet, og referatet er skrevet, så det ændres ikke ved et klik. Skal der tilføjes noget, så brug “Tilføj til referatet” på punktet: det bliver en ny version, som skal godkendes igen.",
    "refusal.concluded_reply":
      "Dit svar er ikke gemt som note: drøftelsen er afsluttet. Skal det med i referatet, så brug “Tilføj til referatet” på punktet.",
    "amend.button": "Tilføj til referatet",
    "amend.confirm_title": "Tilføj til referatet?",
    "amend.confirm_text":
      "Referatet er afsluttet. Det, du tilføjer, bliver en ny version af referatet, og kanalen får besked. Den nye version skal godkendes igen.",
    "amend.confirm_yes": "Ja, tilføj",
    "amend.confirm_no": "Fortryd",
    "amend.choose":
      "Du tilføjer til referatet under punkt {point}. Når du gemmer, bliver det en ny version, som skal godkendes igen. Hvad vil du tilføje?",
    "amend.form_intro":
      "Tilføjelse til det afsluttede referat: det bliver en ny version, som skal godkendes igen.",
    "amend.announced":
      "{actor} har tilføjet til referatet under punkt {point} ({title}). Referatet er nu version {version} og er ikke godkendt endnu. {names}: godkend venligst den nye version.",
    "amend.announced_nobody":
      "{actor} har tilføjet til referatet under punkt {point} ({title}). Referatet er nu version {version} og er ikke godkendt endnu.",
    "point.final": "Drøftelsen er afsluttet. Sådan står punktet i referatet.",
    "point.nothing_recorded": "Der blev ikke registreret noget under punktet.",
    "refusal.already_concluded":
      "Drøftelsen er allerede afsluttet, og referatet ligger i kanalen. Der er ikke mere at gøre her.",
  },
  {
    "problem.invalid_date_example": "Not a valid date. Write it as day-month-year, e.g. {example}.",
    "problem.date_in_past_example": "That date has passed. Choose a date ahead, e.g. {example}.",
    "form.decision.why":
      "A decision needs an owner and a deadline. Then everyone knows who sees to it, and the bot reminds the owner before the deadline.",
    "form.goal.why":
      "A goal needs a success criterion and a deadline. Then you can judge next year whether it was reached, and the bot reminds you along the way.",
    "form.limit": "at most {max} characters",
    "problem.required_within": "Required, and at most {max} characters.",
    "followup.owner": "Owner",
    "followup.deadline": "Deadline",
    "followup.status": "Status",
    "followup.none": "not given",
    "followup.open": "open",
    "followup.overdue": "open, past its deadline",
    "refusal.concluded_use_amend":
      "The discussion is concluded and its minutes written, so a click does not change them. To add something, use “Add to the minutes” on the point: it makes a new version, which must be approved again.",
    "refusal.concluded_reply":
      "Your reply was not saved as a note: the discussion is concluded. If it belongs in the minutes, use “Add to the minutes” on the point.",
    "amend.button": "Add to the minutes",
    "amend.confirm_title": "Add to the minutes?",
    "amend.confirm_text":
      "The minutes are concluded. What you add makes a new version of the minutes, and the channel is told. The new version must be approved again.",
    "amend.confirm_yes": "Yes, add",
    "amend.confirm_no": "Cancel",
    "amend.choose":
      "You are adding to the minutes under point {point}. When you save, it makes a new version, which must be approved again. What do you want to add?",
    "amend.form_intro":
      "An addition to the concluded minutes: it makes a new version, which must be approved again.",
    "amend.announced":
      "{actor} has added to the minutes under point {point} ({title}). The minutes are now version {version} and not yet approved. {names}: please approve the new version.",
    "amend.announced_nobody":
      "{actor} has added to the minutes under point {point} ({title}). The minutes are now version {version} and not yet approved.",
    "point.final": "The discussion is concluded. This is how the point stands in the minutes.",
    "point.nothing_recorded": "Nothing was recorded under this point.",
    "refusal.already_concluded":
      "The discussion is already concluded, and the minutes are in the channel. There is nothing more to do here.",
  },
);
