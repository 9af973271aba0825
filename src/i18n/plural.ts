import type { Language } from "../domain/types.ts";

/** Plural categories per language; immutable formatters built once, like any other constant. */
const RULES: Record<Language, Intl.PluralRules> = {
  da: new Intl.PluralRules("da-DK"),
  en: new Intl.PluralRules("en-GB"),
};

/** A number as the language writes it: 1,5 in Danish, 1.5 in English. */
export function formatNumber(language: Language, value: number): string {
  const text = String(value);
  return language === "da" ? text.replace(".", ",") : text;
}

// {name, plural, one {… # …} other {… # …}}: ICU's plural form, one level of options, no nesting.
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const OPTION = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;

/**
 * Fills in the plural forms of a template: each picks the option for its number by the language's plural rules
 * (an exact `=0` first), and `#` in the option becomes the number.
 */
export function pluralize(language: Language, template: string, params: Record<string, string | number>) {
  if (!template.includes(", plural,")) return template;
  return template.replace(PLURAL, (whole, name: string, body: string) => {
    const value = Number(params[name]);
    if (!(name in params) || Number.isNaN(value)) return whole;
    const options = new Map([...body.matchAll(OPTION)].map((m) => [m[1] as string, m[2] as string]));
    const chosen =
      options.get(`=${value}`) ?? options.get(RULES[language].select(value)) ?? options.get("other") ?? "";
    return chosen.replace(/#/g, formatNumber(language, value));
  });
}
