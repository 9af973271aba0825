import { section } from "../section.ts";

/** A note that names a person together with a health word: the warning, and saving it anyway. */
export const health = section(
  {
    "problem.names_health":
      "Teksten nævner {name} sammen med et ord om helbred. Oplysninger om en navngiven persons helbred er følsomme personoplysninger, og alle i kanalen kan læse referatet. Skriv det helst uden navnet, eller gem alligevel, hvis det skal stå sådan.",
    "warning.names_health":
      "Ikke gemt endnu: teksten nævner {name} sammen med et ord om helbred. Ret teksten, eller gem alligevel.",
    "warning.reply_names_health":
      "Dit svar under punkt {point} er ikke gemt som note endnu: det nævner {name} sammen med et ord om helbred. Oplysninger om en navngiven persons helbred er følsomme personoplysninger, og alle i kanalen kan læse referatet. Ret svaret, eller skriv det igen uden navnet. Skal det stå, som det er, så tryk “Gem alligevel”.",
    "health.save_anyway": "Gem alligevel",
    "health.save_anyway_option": "Ja, gem teksten, som den står",
    "health.tick_or_change": "Sæt flueben ved “Gem alligevel”, eller ret teksten, så den ikke nævner navnet.",
    "health.reply_saved": "Dit svar er gemt som note under punkt {point}.",
    "health.reply_gone": "Svaret findes ikke længere i tråden, så der er intet at gemme.",
    "health.reply_not_yours": "Kun den, der skrev svaret, kan gemme det alligevel.",
  },
  {
    "problem.names_health":
      "The text names {name} together with a word about health. Health details about a named person are sensitive personal data, and everyone in the channel can read the minutes. Better write it without the name, or save anyway if it must stand like this.",
    "warning.names_health":
      "Not saved yet: the text names {name} together with a word about health. Change the text, or save anyway.",
    "warning.reply_names_health":
      "Your reply under point {point} is not saved as a note yet: it names {name} together with a word about health. Health details about a named person are sensitive personal data, and everyone in the channel can read the minutes. Edit the reply, or write it again without the name. If it must stand as it is, press “Save anyway”.",
    "health.save_anyway": "Save anyway",
    "health.save_anyway_option": "Yes, save the text as it stands",
    "health.tick_or_change": "Tick “Save anyway”, or change the text so that it leaves the name out.",
    "health.reply_saved": "Your reply is saved as a note under point {point}.",
    "health.reply_gone": "The reply is no longer in the thread, so there is nothing to save.",
    "health.reply_not_yours": "Only the person who wrote the reply can save it anyway.",
  },
);
