import { section } from "../section.ts";

/** The walk-through's answers to bad input and to changes after concluding: truthful, and to the person alone. */
export const flow = section(
  {
    "problem.invalid_date_example": "Ikke en gyldig dato. Skriv den som dag-måned-år, fx {example}.",
    "problem.date_in_past_example": "Datoen er passeret. Vælg en dato frem i tiden, fx {example}.",
    "refusal.already_concluded":
      "Drøftelsen er allerede afsluttet, og referatet ligger i kanalen. Der er ikke mere at gøre her.",
  },
  {
    "problem.invalid_date_example": "Not a valid date. Write it as day-month-year, e.g. {example}.",
    "problem.date_in_past_example": "That date has passed. Choose a date ahead, e.g. {example}.",
    "refusal.already_concluded":
      "The discussion is already concluded, and the minutes are in the channel. There is nothing more to do here.",
  },
);
