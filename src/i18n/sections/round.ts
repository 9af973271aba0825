import { section } from "../section.ts";

/** The preparation round: input asked of each person privately before the meeting. */
export const round = section(
  {
    "round.opened":
      "{count, plural, one {# person får} other {# personer får}} nu en privat besked og kan skrive erfaringer, problemer og forslag til dagsordenen, så det ligger klar under punkterne, når I mødes.",
    "round.ask":
      "Den årlige arbejdsmiljødrøftelse holdes {when}. Inden da vil vi gerne høre dine erfaringer, problemer og forslag om APV'en, instruktion, ulykker og nærved-hændelser, sidste års mål og det kommende års fokus. Det tager få minutter.",
    "round.remind":
      "Påmindelse: arbejdsmiljødrøftelsen holdes {when}, og dit input mangler stadig. Skriv gerne et par linjer under de punkter, du har noget til.",
    "round.button": "Giv dit input",
    "round.title": "Input til drøftelsen",
    "round.send": "Send",
    "round.intro":
      "Skriv under de punkter, du har noget til; resten kan stå tomt. Hold det til arbejdsforhold: skriv ikke navne på kolleger sammen med helbredsoplysninger.",
    "round.anonymous":
      "Dit svar gemmes uden navn. Derfor kan det ikke rettes, når det er sendt, og du kan kun svare én gang.",
    "round.named": "Dit navn gemmes med svaret. Du kan rette det, indtil mødet går i gang.",
    "round.point.4": "APV: hvad fungerer, hvad er et problem, og hvad foreslår du?",
    "round.point.5": "Instruktion og oplæring: er der noget, du mangler eller vil foreslå?",
    "round.point.6": "Ulykker og nærved-hændelser: hvad skete der, og hvordan undgår vi det næste gang?",
    "round.point.7": "Sidste års mål: blev de nået efter din mening, og hvorfor (ikke)?",
    "round.point.8": "Det kommende år: hvad bør vi have fokus på?",
    "round.accidents": "Ulykker du kender til i årets løb (antal)",
    "round.near_misses": "Nærved-hændelser du kender til (antal)",
    "round.saved": "Tak! Dit input er gemt og vises under punkterne, når I holder drøftelsen.",
    "round.updated": "Dit input er rettet. Det nye svar er det, der vises på mødet.",
    "round.already":
      "Dit svar er allerede modtaget. Et anonymt svar kan ikke rettes, fordi intet i systemet knytter det til dig.",
    "round.closed":
      "Forberedelsesrunden er slut, fordi drøftelsen er gået i gang. Tag dit input med på mødet i stedet.",
    "round.not_asked":
      "Du er ikke blandt dem, der er spurgt i forberedelsesrunden. Kontakt din arbejdsmiljørepræsentant, hvis du har input.",
    "round.empty": "Skriv noget under mindst ét punkt, før du sender.",
    "round.health":
      "Teksten nævner {name} sammen med et ord om helbred. Beskriv arbejdsforholdene uden navnet, så der ikke gemmes helbredsoplysninger om en kollega.",
    "round.too_long": "Teksten er for lang: højst {max} tegn under hvert punkt.",
    "round.bad_number": "Skriv antallet som et helt tal (0 eller derover).",
    "round.counts":
      "Forberedelsesrunde: {answered} af {asked, plural, one {# spurgt} other {# spurgte}} har svaret.",
    "round.heading": "Input fra forberedelsesrunden",
    "round.figures":
      "{accidents, plural, one {# ulykke} other {# ulykker}} og {nearMisses, plural, one {# nærved-hændelse} other {# nærved-hændelser}}",
    "round.figures_total":
      "Indberettet i runden i alt: {figures}. Flere kan have oplevet det samme, så tallene kan overlappe.",
    "round.summary":
      "Forberedelsesrunde: {answered} af {asked, plural, one {# spurgt} other {# spurgte}} svarede før mødet.",
    "round.summary_anonymous": "Svarene blev givet anonymt.",
    "setup.round": "Forberedelsesrunden",
    "setup.round.anonymous": "Svar gives anonymt (intet navn gemmes)",
    "setup.round.everyone": "Spørg alle ansatte, ikke kun AMO",
    "reminderkind.round.ask": "Forberedelsesrunde: private spørgsmål før mødet",
    "reminderkind.round.remind": "Påmindelse om forberedelsesrunden (3 arbejdsdage før)",
  },
  {
    "round.opened":
      "{count, plural, one {# person now gets} other {# people now get}} a private message to write down experiences, problems and proposals for the agenda, so they are ready under the points when you meet.",
    "round.ask":
      "The annual working-environment discussion takes place {when}. Before then we would like to hear your experiences, problems and proposals on the workplace assessment (APV), instruction, accidents and near misses, last year's goals and the coming year's focus. It takes a few minutes.",
    "round.remind":
      "Reminder: the working-environment discussion takes place {when}, and your input is still missing. A few lines under the points you have something to say about are welcome.",
    "round.button": "Give your input",
    "round.title": "Input for the discussion",
    "round.send": "Send",
    "round.intro":
      "Write under the points you have something to say about; the rest can stay empty. Keep to working conditions: do not write colleagues' names together with health details.",
    "round.anonymous":
      "Your answer is stored without a name. It therefore cannot be changed once sent, and you can answer only once.",
    "round.named": "Your name is stored with the answer. You can change it until the meeting starts.",
    "round.point.4": "Workplace assessment (APV): what works, what is a problem, and what do you propose?",
    "round.point.5": "Instruction and training: is anything missing, or do you have a proposal?",
    "round.point.6": "Accidents and near misses: what happened, and how do we avoid it next time?",
    "round.point.7": "Last year's goals: were they reached in your view, and why (not)?",
    "round.point.8": "The coming year: what should we focus on?",
    "round.accidents": "Accidents you know of during the year (number)",
    "round.near_misses": "Near misses you know of (number)",
    "round.saved": "Thank you! Your input is saved and shown under the points when you hold the discussion.",
    "round.updated": "Your input is changed. The new answer is the one shown at the meeting.",
    "round.already":
      "Your answer has already been received. An anonymous answer cannot be changed, because nothing in the system links it to you.",
    "round.closed":
      "The preparation round is over, because the discussion has started. Bring your input to the meeting instead.",
    "round.not_asked":
      "You are not among those asked in the preparation round. Contact your working-environment representative if you have input.",
    "round.empty": "Write something under at least one point before you send.",
    "round.health":
      "The text names {name} together with a health word. Describe the working conditions without the name, so that no health details about a colleague are stored.",
    "round.too_long": "The text is too long: at most {max} characters under each point.",
    "round.bad_number": "Write the number as a whole number (0 or more).",
    "round.counts": "Preparation round: {answered} of {asked} asked have answered.",
    "round.heading": "Input from the preparation round",
    "round.figures":
      "{accidents, plural, one {# accident} other {# accidents}} and {nearMisses, plural, one {# near miss} other {# near misses}}",
    "round.figures_total":
      "Reported in the round in all: {figures}. Several people may have seen the same thing, so the figures can overlap.",
    "round.summary": "Preparation round: {answered} of {asked} asked answered before the meeting.",
    "round.summary_anonymous": "The answers were given anonymously.",
    "setup.round": "The preparation round",
    "setup.round.anonymous": "Answers are anonymous (no name is stored)",
    "setup.round.everyone": "Ask every employee, not only the AMO",
    "reminderkind.round.ask": "Preparation round: private questions before the meeting",
    "reminderkind.round.remind": "Reminder about the preparation round (3 working days before)",
  },
);
