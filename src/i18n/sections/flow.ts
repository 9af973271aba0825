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
    "problem.required_within": "Skal udfyldes, med højst {max} tegn.",
    "followup.owner": "Ansvarlig",
    "followup.deadline": "Frist",
    "followup.status": "Status",
    "followup.none": "ikke angivet",
    "followup.open": "åben",
    "followup.overdue": "åben, fristen er passeret",
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
    "problem.required_within": "Required, at most {max} characters.",
    "followup.owner": "Owner",
    "followup.deadline": "Deadline",
    "followup.status": "Status",
    "followup.none": "not given",
    "followup.open": "open",
    "followup.overdue": "open, past its deadline",
    "refusal.already_concluded":
      "The discussion is already concluded, and the minutes are in the channel. There is nothing more to do here.",
  },
);
