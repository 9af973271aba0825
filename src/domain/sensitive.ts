/**
 * Words that make a text about people special-category personal data (health). The lists are kept short on
 * purpose: they catch the usual ways an accident or an illness is written down, in Danish and English, without
 * refusing ordinary talk about the working environment. Each is matched as the start of a word, lower-cased.
 */

/** Injuries and diagnoses: an accident text with one of these describes a person's health. */
export const DIAGNOSIS_WORDS: readonly string[] = [
  // Danish
  "brækkede",
  "brækket",
  "brud på",
  "knoglebrud",
  "fraktur",
  "hjernerystelse",
  "forstuv",
  "forstrak",
  "piskesmæld",
  "diskusprolaps",
  "skadestue",
  "diagnos",
  "depression",
  "angst",
  "sygemeld",
  "indlagt",
  "syet",
  "sting",
  // English
  "broke",
  "broken",
  "fracture",
  "concussion",
  "sprain",
  "depress",
  "anxiety",
  "sick leave",
  "hospitali",
  "stitches",
];

/** Health words in general: a note naming a person together with one of these is checked before it is saved. */
export const HEALTH_WORDS: readonly string[] = [
  ...DIAGNOSIS_WORDS,
  // Danish
  "syg",
  "sygdom",
  "helbred",
  "gravid",
  "medicin",
  "kræft",
  "migræne",
  "smerte",
  "skadet",
  "kvæstet",
  "læge",
  "psykolog",
  "stress",
  // English
  "sick",
  "illness",
  "pregnan",
  "medication",
  "cancer",
  "migraine",
  "injured",
  "doctor",
];

const LETTER = "\\p{L}";
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether the text holds one of the words, each as the start of a word. */
export function containsWord(text: string, words: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return words.some((w) => new RegExp(`(?<!${LETTER})${literal(w)}`, "u").test(lower));
}

/**
 * The first of `names` the text mentions: a whole name, or one of its parts of three letters or more written with a
 * capital as names are ("Ali" and "Nielsen" both name Ali Nielsen), so "holm" in running text is no name.
 */
export function nameIn(text: string, names: readonly string[]): string | null {
  for (const name of names) {
    const parts = [name, ...name.split(/\s+/)].map((p) => p.trim()).filter((p) => p.length >= 3);
    for (const part of new Set(parts)) {
      const capital = part[0]?.toLocaleUpperCase("da") === part[0];
      if (!capital) continue;
      if (new RegExp(`(?<!${LETTER})${literal(part)}(?!${LETTER})`, "u").test(text)) return name;
    }
  }
  return null;
}

/** Why a text about an accident may not be stored as written: it names someone, or it describes a diagnosis. */
export type SensitiveProblem = { code: "names_person" } | { code: "reads_as_diagnosis" };

export function accidentTextProblem(text: string, names: readonly string[]): SensitiveProblem | null {
  if (nameIn(text, names)) return { code: "names_person" };
  if (containsWord(text, DIAGNOSIS_WORDS)) return { code: "reads_as_diagnosis" };
  return null;
}

/** Whether a note names a known person together with a health word, and so is checked with its author first. */
export function namesHealth(text: string, names: readonly string[]): boolean {
  return personWithHealth(text, names) !== null;
}

/** The person a text names together with a health word (the name as known), or null when it does not. */
export function personWithHealth(text: string, names: readonly string[]): string | null {
  return containsWord(text, HEALTH_WORDS) ? nameIn(text, names) : null;
}
