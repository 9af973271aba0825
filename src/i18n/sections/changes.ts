import { section } from "../section.ts";

/** "Ret eller fjern": changing or removing an entry recorded by mistake, before the record is concluded. */
export const changes = section(
  {
    "button.change": "Ret eller fjern",
    "change.title": "Ret eller fjern",
    "change.entry": "Hvilken registrering?",
    "change.what": "Hvad vil du?",
    "change.edit": "Rette den",
    "change.remove": "Fjerne den",
    "change.edit_button": "Ret den",
    "change.remove_button": "Fjern den",
    "change.next": "Videre",
    "change.cancel": "Luk",
    "change.none":
      "Der er ikke noget ved punkt {point}, som du kan rette eller fjerne. En registrering rettes eller fjernes af den, der skrev den, eller af mødelederen. En note fra tråden retter du ved at rette eller slette dit svar i tråden.",
    "change.remove_title": "Fjern registreringen",
    "change.remove_confirm":
      "Vil du fjerne denne registrering fra punkt {point}? Den kommer så ikke med i referatet.\n{entry}",
    "change.remove_yes": "Fjern",
    "change.removed": "Registreringen er fjernet fra punkt {point}.",
    "change.choose_first": "Vælg den registrering, du vil rette eller fjerne.",
    "change.redo_verdict":
      "En vurdering af et af sidste års mål rettes ved at fjerne den og vurdere målet igen: så står målet på listen igen.",
  },
  {
    "button.change": "Change or remove",
    "change.title": "Change or remove",
    "change.entry": "Which entry?",
    "change.what": "What would you like to do?",
    "change.edit": "Change it",
    "change.remove": "Remove it",
    "change.edit_button": "Change it",
    "change.remove_button": "Remove it",
    "change.next": "Continue",
    "change.cancel": "Close",
    "change.none":
      "There is nothing at point {point} that you can change or remove. An entry is changed or removed by the person who wrote it, or by the organiser. A note from the thread is changed by editing or deleting your reply in the thread.",
    "change.remove_title": "Remove the entry",
    "change.remove_confirm":
      "Do you want to remove this entry from point {point}? It will then not be in the minutes.\n{entry}",
    "change.remove_yes": "Remove",
    "change.removed": "The entry has been removed from point {point}.",
    "change.choose_first": "Choose the entry you want to change or remove.",
    "change.redo_verdict":
      "A verdict on one of last year's goals is changed by removing it and judging the goal again: the goal is then on the list again.",
  },
);
