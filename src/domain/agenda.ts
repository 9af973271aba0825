import type { AgendaKey, Localized } from "./types.ts";

/** The structured form a point offers besides note, decision and goal. */
export type PointForm =
  | "minute_taker"
  | "amo_member"
  | "apv_status"
  | "accident_overview"
  | "goal_verdict"
  | "focus_area"
  | "cooperation_plan"
  | "competences";

export interface AgendaPoint {
  number: number;
  key: AgendaKey;
  title: Localized;
  /** Guiding questions shown with the point. */
  questions: Localized<string[]>;
  /** A short help text: why the point matters, examples. */
  help: Localized;
  form?: PointForm;
}

export const AGENDA: readonly AgendaPoint[] = [
  {
    number: 1,
    key: "minute_taker",
    title: { da: "Valg af referent", en: "Choice of minute-taker" },
    questions: {
      da: ["Hvem skriver referat af drøftelsen i år?", "Hvem godkender referatet, før det deles?"],
      en: [
        "Who takes the minutes of this year's discussion?",
        "Who approves the minutes before they are shared?",
      ],
    },
    help: {
      da: "Referatet er jeres skriftlige dokumentation for, at drøftelsen har fundet sted. Vælg en, der kan følge med og samle beslutningerne op.",
      en: "The minutes are your written documentation that the discussion took place. Choose someone who can keep up and capture the decisions.",
    },
    form: "minute_taker",
  },
  {
    number: 2,
    key: "new_amo_members",
    title: { da: "Præsentation af nye medlemmer i AMO", en: "New members of the AMO" },
    questions: {
      da: [
        "Er der kommet nye medlemmer i arbejdsmiljøorganisationen siden sidst?",
        "Hvilken rolle har de, og hvornår trådte de ind?",
        "Har de fået, eller er de tilmeldt, den obligatoriske arbejdsmiljøuddannelse (3 dage)?",
      ],
      en: [
        "Have new members joined the working-environment organisation since last time?",
        "What is their role, and when did they join?",
        "Have they had, or are they booked on, the mandatory 3-day working-environment course?",
      ],
    },
    help: {
      da: "Nye medlemmer skal have den obligatoriske arbejdsmiljøuddannelse (3 dage) inden for de første 3 måneder. Registrér datoen, de trådte ind, så kommer de på listen over AMO, og botten minder jer om uddannelsen.",
      en: "New members must have the mandatory 3-day working-environment course within their first 3 months. Record the date they joined: they go on the AMO roster, and the bot reminds you of the course.",
    },
    form: "amo_member",
  },
  {
    number: 3,
    key: "management_announcements",
    title: { da: "Meddelelser fra ledelsen om arbejdsmiljøet", en: "Announcements from management" },
    questions: {
      da: [
        "Har ledelsen planer, der kan påvirke arbejdsmiljøet, fx om- eller tilbygning, flytning eller ny indretning?",
        "Skal der købes nyt udstyr, tekniske hjælpemidler eller nye it-systemer?",
        "Ændres arbejdsgange eller arbejdsmetoder?",
        "Hvordan bliver AMO inddraget i tide?",
      ],
      en: [
        "Does management have plans that may affect the working environment, e.g. rebuilding, moving or new furnishing?",
        "Will new equipment, technical aids or IT systems be bought?",
        "Will work processes or methods change?",
        "How is the AMO involved in good time?",
      ],
    },
    help: {
      da: "AMO skal inddrages, når ændringer har betydning for arbejdsmiljøet. Det er lettest at forebygge problemer, før beslutningen er truffet.",
      en: "The AMO must be involved when changes affect the working environment. Problems are easiest to prevent before the decision is made.",
    },
  },
  {
    number: 4,
    key: "apv",
    title: { da: "APV (arbejdspladsvurdering)", en: "APV (workplace assessment)" },
    questions: {
      da: [
        "Hvor langt er I med handlingsplanen fra seneste APV?",
        "Peger APV'en på emner, I bør fokusere på i det kommende år?",
        "Hvornår skal den næste APV laves, og hvem står for den?",
      ],
      en: [
        "How far have you come with the action plan from the last APV?",
        "Does the APV point to topics you should focus on in the coming year?",
        "When is the next APV due, and who is in charge of it?",
      ],
    },
    help: {
      da: "APV'en skal laves om, når arbejdet ændrer sig væsentligt, og mindst hvert tredje år. Den er et godt udgangspunkt for årets fokusområder.",
      en: "The APV must be redone when the work changes significantly, and at least every third year. It is a good starting point for the year's focus areas.",
    },
    form: "apv_status",
  },
  {
    number: 5,
    key: "instruction",
    title: { da: "Instruktion og oplæring", en: "Instruction and training" },
    questions: {
      da: [
        "Virker den måde, I introducerer nye medarbejdere til arbejdsmiljøet på?",
        "Er der brug for at justere introduktionen?",
        "Har andre medarbejdere brug for mere instruktion, fx i nyt udstyr eller nye systemer?",
      ],
      en: [
        "Does the way you introduce new employees to the working environment work?",
        "Does the introduction need adjusting?",
        "Do other employees need further instruction, e.g. in new equipment or systems?",
      ],
    },
    help: {
      da: "God instruktion forebygger ulykker og belastninger. Tænk både på nyansatte og på medarbejdere, hvis arbejde har ændret sig.",
      en: "Good instruction prevents accidents and strain. Think of new employees as well as employees whose work has changed.",
    },
  },
  {
    number: 6,
    key: "accidents",
    title: { da: "Ulykker og sundhedsskader", en: "Accidents and work-related ill health" },
    questions: {
      da: [
        "Hvor mange arbejdsulykker, nærvedulykker, forgiftninger og sundhedsskader har der været i årets løb?",
        "Er årsagerne undersøgt?",
        "Hvad blev der gjort for at undgå gentagelser, og virkede det?",
      ],
      en: [
        "How many work accidents, near misses, poisonings and cases of work-related ill health were there during the year?",
        "Were the causes investigated?",
        "What was done to prevent repeats, and did it work?",
      ],
    },
    help: {
      da: "Én gang om året skal der udarbejdes en oversigt over ulykker, forgiftninger og sundhedsskader. Årsagerne til ulykker og nærvedulykker skal undersøges, så de kan forebygges, og det skal kontrolleres, om de forebyggende tiltag har virket. Registrér kun tal og årsager, aldrig navne eller diagnoser.",
      en: "Once a year an overview of accidents, poisonings and work-related ill health must be made. The causes of accidents and near misses must be investigated so they can be prevented, and whether the preventive measures worked must be checked. Record only figures and causes, never names or diagnoses.",
    },
    form: "accident_overview",
  },
  {
    number: 7,
    key: "past_year",
    title: { da: "Det seneste års arbejdsmiljøarbejde", en: "The past year's work" },
    questions: {
      da: [
        "Nåede I de mål, I satte sidste år?",
        "Hvis ikke: hvorfor, og skal målet videreføres, eventuelt i en anden form?",
        "Hvad har virket godt, og hvad kan I lære af det?",
        "Hvordan har samarbejdet hjulpet eller hæmmet arbejdet med målene?",
      ],
      en: [
        "Did you reach the goals you set last year?",
        "If not: why, and should the goal be carried on, perhaps in another form?",
        "What worked well, and what can you learn from it?",
        "How did the cooperation help or hinder the work on the goals?",
      ],
    },
    help: {
      da: "Vurdér hvert af sidste års mål. Læg også vægt på det, der lykkedes, så I kan bygge videre på de gode erfaringer.",
      en: "Assess each of last year's goals. Also dwell on what succeeded, so you can build on the good experience.",
    },
    form: "goal_verdict",
  },
  {
    number: 8,
    key: "coming_year",
    title: { da: "Det kommende års arbejdsmiljøarbejde", en: "The coming year's work" },
    questions: {
      da: [
        "Hvilke områder vil I sætte fokus på i det kommende år?",
        "Hvilke konkrete handlinger hører til hvert fokusområde?",
        "Hvilke mål sætter I, og hvordan kan I se, om de er nået?",
        "Hvad skal der til for at nå målene: viden, tid, uddannelse eller hjælp udefra?",
      ],
      en: [
        "Which areas will you focus on in the coming year?",
        "Which concrete actions belong to each focus area?",
        "Which goals do you set, and how will you see whether they are reached?",
        "What does it take to reach the goals: knowledge, time, training or outside help?",
      ],
    },
    help: {
      da: "Eksempler på fokusområder: introduktion af nye medarbejdere, konflikthåndtering, indeklima og støj, sikkerhedskultur, psykisk arbejdsmiljø, ny lovgivning. Sæt mål, der kan måles.",
      en: "Examples of focus areas: introducing new employees, conflict handling, indoor climate and noise, safety culture, the psychosocial working environment, new rules. Set goals that can be measured.",
    },
    form: "focus_area",
  },
  {
    number: 9,
    key: "cooperation",
    title: { da: "Det kommende års samarbejde om arbejdsmiljø", en: "The coming year's cooperation" },
    questions: {
      da: [
        "Hvor ofte mødes I, og i hvilken form?",
        "Hvem indkalder til møderne?",
        "Hvordan håndterer I akutte arbejdsmiljøproblemer og arbejdsulykker?",
        "Hvordan fordeler I opgaverne, så I når målene?",
        "Hvordan holder I hinanden i AMO orienteret, fx om henvendelser fra kolleger?",
        "Hvordan orienterer I alle i virksomheden om arbejdsmiljøarbejdet?",
      ],
      en: [
        "How often do you meet, and in what form?",
        "Who convenes the meetings?",
        "How do you handle acute working-environment problems and work accidents?",
        "How do you share the tasks so you reach the goals?",
        "How do you keep each other in the AMO informed, e.g. about questions from colleagues?",
        "How do you inform everyone in the company about the working-environment work?",
      ],
    },
    help: {
      da: "Det er et lovkrav at beslutte, hvordan samarbejdet skal foregå i det kommende år, herunder hvor ofte I mødes.",
      en: "Deciding how the cooperation takes place in the coming year, including how often you meet, is a legal requirement.",
    },
    form: "cooperation_plan",
  },
  {
    number: 10,
    key: "competences",
    title: { da: "Kompetencer og supplerende uddannelse", en: "Competences and supplementary training" },
    questions: {
      da: [
        "Har AMO den viden om arbejdsmiljø, som arbejdet kræver? Hvis ikke, hvordan skaffer I den?",
        "Har nye AMO-medlemmer fået den obligatoriske arbejdsmiljøuddannelse (3 dage) inden for de første 3 måneder?",
        "Hvilken supplerende uddannelse skal AMO's medlemmer have i år?",
        "Hvordan er ny viden fra kurser blevet brugt, og hvordan skal den bruges fremover?",
      ],
      en: [
        "Do you have the working-environment knowledge the work requires? If not, how will you get it?",
        "Have new AMO members had the mandatory 3-day working-environment course within their first 3 months?",
        "Which supplementary training will the AMO members have this year?",
        "How has new knowledge from courses been used, and how will it be used from now on?",
      ],
    },
    help: {
      da: "Siden 1. februar 2024 kræves der ikke længere en skriftlig kompetenceudviklingsplan, men AMO-medlemmernes supplerende uddannelse skal drøftes hvert år, og en kompetenceudviklingsplan er stadig en god idé. Medlemmerne tilbydes 2 dages supplerende uddannelse det første år og 1,5 dag hvert af de følgende år.",
      en: "Since 1 February 2024 a written competence development plan is no longer required, but the AMO members' supplementary training must be discussed every year, and a competence development plan is still a good idea. Members are offered 2 days of supplementary training the first year and 1.5 days each following year.",
    },
    form: "competences",
  },
  {
    number: 11,
    key: "any_other_business",
    title: { da: "Eventuelt", en: "Any other business" },
    questions: {
      da: ["Er der andet, der skal nævnes eller følges op på?"],
      en: ["Is there anything else to mention or follow up?"],
    },
    help: {
      da: "Punkter, der kræver en beslutning, kan registreres her med ansvarlig og frist.",
      en: "Items that need a decision can be recorded here with an owner and a deadline.",
    },
  },
];

export function agendaPoint(number: number): AgendaPoint {
  const point = AGENDA.find((p) => p.number === number);
  if (!point) throw new RangeError(`No agenda point ${number}`);
  return point;
}
