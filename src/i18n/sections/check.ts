import { section } from "../section.ts";

/** The completeness check: each item written as what is missing, law, yearly duties and good practice apart. */
export const check = section(
  {
    "legal.last_year_goals_assessed": "Det er ikke vurderet, om sidste års mål blev nået",
    "legal.coming_year_planned":
      "Indholdet af det kommende års samarbejde om arbejdsmiljøet er ikke planlagt",
    "legal.goals_set": "Der er ikke sat mål for det kommende år",
    "legal.meeting_interval": "Samarbejdsform og mødehyppighed er ikke besluttet",
    "legal.expertise_discussed": "Det er ikke drøftet, om I har den nødvendige sagkundskab om arbejdsmiljø",
    "legal.supplementary_training_discussed": "AMO-medlemmernes supplerende uddannelse er ikke drøftet",
    "duty.accident_overview":
      "Årets oversigt over ulykker, forgiftninger og sundhedsskader er ikke gennemgået",
    "practice.minute_taker": "Der er ikke valgt en referent",
    "practice.apv_status": "Status på APV'en er ikke gjort op",
    "practice.instruction": "Instruktion og oplæring er ikke drøftet",
    "practice.convener": "Det er ikke aftalt, hvem der indkalder til møderne",
    "practice.acute_handling": "Det er ikke aftalt, hvordan akutte problemer og ulykker håndteres",
    "practice.information": "Det er ikke aftalt, hvordan AMO og de øvrige ansatte holdes orienteret",
    "practice.information_everyone":
      "Det er ikke aftalt, hvordan alle på arbejdspladsen holdes orienteret om arbejdsmiljøarbejdet",
    "completeness.title": "Tjek før afslutning",
    "completeness.legal": "Lovkrav",
    "completeness.legal_basis": "Det, arbejdsmiljøloven § 6 d og BEK nr. 1838 af 14/12/2023 kræver hvert år.",
    "completeness.legal_done": "Alle lovkrav er dækket.",
    "completeness.duties": "Årlige pligter",
    "completeness.duties_basis":
      "Skal gøres én gang om året, men hører ikke til det, loven kræver af selve drøftelsen.",
    "completeness.duties_done": "Alle årlige pligter er dækket.",
    "completeness.practice": "God praksis",
    "completeness.practice_basis": "BFA's råd til en god drøftelse. Det er ikke lovkrav.",
    "completeness.practice_done": "Alle punkter for god praksis er dækket.",
    "completeness.all_good": "Alle lovkrav, årlige pligter og punkter for god praksis er dækket.",
    "completeness.see_point": "punkt {point}",
    "completeness.go_to_point": "Gå til punkt {point}",
    "completeness.first_year":
      "Botten har ingen drøftelse fra sidste år. Skriv ved punkt 7, hvordan det gik med sidste års mål, eller at I ikke havde nogen.",
  },
  {
    "legal.last_year_goals_assessed": "Whether last year's goals were reached has not been assessed",
    "legal.coming_year_planned":
      "The content of the coming year's cooperation on the working environment has not been planned",
    "legal.goals_set": "No goals have been set for the coming year",
    "legal.meeting_interval": "How you cooperate and how often you meet has not been decided",
    "legal.expertise_discussed":
      "Whether you have the necessary working-environment expertise has not been discussed",
    "legal.supplementary_training_discussed":
      "The AMO members' supplementary training has not been discussed",
    "duty.accident_overview":
      "The year's overview of accidents, poisonings and work-related ill health has not been reviewed",
    "practice.minute_taker": "No minute-taker has been chosen",
    "practice.apv_status": "The status of the workplace assessment (APV) has not been reviewed",
    "practice.instruction": "Instruction and training have not been discussed",
    "practice.convener": "Who calls the meetings has not been agreed",
    "practice.acute_handling": "How acute problems and accidents are handled has not been agreed",
    "practice.information": "How the AMO and the other employees are kept informed has not been agreed",
    "practice.information_everyone":
      "How everyone at the workplace is kept informed about the working-environment work has not been agreed",
    "completeness.title": "Check before concluding",
    "completeness.legal": "Legal requirements",
    "completeness.legal_basis":
      "What the Working Environment Act § 6 d and Executive Order no. 1838 of 14/12/2023 ask every year.",
    "completeness.legal_done": "Every legal requirement is covered.",
    "completeness.duties": "Yearly duties",
    "completeness.duties_basis":
      "These must be done once a year, though they are not among what the law asks of the discussion itself.",
    "completeness.duties_done": "Every yearly duty is covered.",
    "completeness.practice": "Good practice",
    "completeness.practice_basis": "BFA's advice for a good discussion. These are not legal requirements.",
    "completeness.practice_done": "Every good-practice point is covered.",
    "completeness.all_good": "All legal requirements, yearly duties and good-practice points are covered.",
    "completeness.see_point": "point {point}",
    "completeness.go_to_point": "Go to point {point}",
    "completeness.first_year":
      "The bot holds no discussion from last year. Write at point 7 how last year's goals went, or that you had none.",
  },
);
