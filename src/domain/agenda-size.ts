import { type AgendaPoint, agendaPoint } from "./agenda.ts";
import { participationFor } from "./participation.ts";
import type { Localized } from "./types.ts";

type Wording = Pick<AgendaPoint, "title" | "questions" | "help">;

/**
 * With 1-9 employees there is no working-environment organisation: the employer and every employee hold the
 * discussion, and the law asks whether the needed expertise on the working environment is present. These points
 * say so instead of speaking of an AMO.
 */
const SMALL: Partial<Record<number, Partial<Wording>>> = {
  2: {
    title: { da: "Præsentation af nye kolleger", en: "New colleagues" },
    questions: {
      da: [
        "Er der kommet nye kolleger siden sidst?",
        "Har de fået en introduktion til arbejdsmiljøet på arbejdspladsen?",
      ],
      en: [
        "Have new colleagues joined since last time?",
        "Have they had an introduction to the working environment at the workplace?",
      ],
    },
    help: {
      da: "Med under 10 ansatte er der ingen arbejdsmiljøorganisation: arbejdsgiveren og alle ansatte holder drøftelsen sammen.",
      en: "With fewer than 10 employees there is no working-environment organisation: the employer and all employees hold the discussion together.",
    },
  },
  9: {
    questions: {
      da: [
        "Hvor ofte mødes I om arbejdsmiljøet, og i hvilken form?",
        "Hvem indkalder?",
        "Hvordan håndterer I akutte arbejdsmiljøproblemer og arbejdsulykker?",
        "Hvordan fordeler I opgaverne, så I når målene?",
        "Hvordan holder I hinanden orienteret om arbejdsmiljøarbejdet?",
      ],
      en: [
        "How often do you meet about the working environment, and in what form?",
        "Who convenes?",
        "How do you handle acute working-environment problems and work accidents?",
        "How do you share the tasks so you reach the goals?",
        "How do you keep each other informed about the working-environment work?",
      ],
    },
  },
  10: {
    title: { da: "Nødvendig sagkundskab om arbejdsmiljø", en: "Necessary working-environment expertise" },
    questions: {
      da: [
        "Har I den nødvendige sagkundskab om arbejdsmiljø til det arbejde, I laver?",
        "Hvis ikke: hvordan skaffer I den, fx gennem kurser, branchens vejledninger eller rådgivning udefra?",
      ],
      en: [
        "Do you have the necessary working-environment expertise for the work you do?",
        "If not: how will you get it, e.g. through courses, the sector's guidance or outside advice?",
      ],
    },
    help: {
      da: "Med 1–9 ansatte skal I hvert år drøfte, om den nødvendige sagkundskab om arbejdsmiljø er til stede i virksomheden. Det er et lovkrav, og svaret kommer med i referatet.",
      en: "With 1–9 employees you must discuss every year whether the necessary working-environment expertise is present in the company. It is a legal requirement, and the answer goes into the minutes.",
    },
  },
};

/** The point as the workplace's size words it: a workplace of 1-9 gets its own wording where it differs. */
export function pointForSize(number: number, headcount: number | null): AgendaPoint {
  const point = agendaPoint(number);
  if (headcount === null || participationFor(headcount).hasAmo) return point;
  return { ...point, ...SMALL[number] };
}

/** A point's title in the language, for the workplace's size. */
export const titleForSize = (number: number, headcount: number | null): Localized =>
  pointForSize(number, headcount).title;
