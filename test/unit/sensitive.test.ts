import { describe, expect, it } from "vitest";
import {
  accidentTextProblem,
  containsWord,
  DIAGNOSIS_WORDS,
  HEALTH_WORDS,
  nameIn,
  namesHealth,
} from "../../src/domain/sensitive.ts";

const ROSTER = ["Ali Nielsen", "Mette Hansen", "Birgitte Holm"];

describe("names and diagnoses in free text", () => {
  it("refuses the accident text that names someone on the roster, by full name or a part of it", () => {
    expect(accidentTextProblem("Ali Nielsen faldt på trappen og brækkede håndleddet", ROSTER)).toEqual({
      code: "names_person",
    });
    expect(nameIn("Nielsen gled på gulvet", ROSTER)).toBe("Ali Nielsen");
    expect(nameIn("Mette slog hovedet", ROSTER)).toBe("Mette Hansen");
  });

  it("refuses an accident text that reads as a diagnosis, in Danish and English", () => {
    for (const text of [
      "En kollega brækkede håndleddet",
      "Fik hjernerystelse ved faldet",
      "Sygemeldt i to uger",
      "A colleague broke a wrist",
      "Concussion after the fall",
    ])
      expect(accidentTextProblem(text, ROSTER), text).toEqual({ code: "reads_as_diagnosis" });
  });

  it("keeps causes and prevention written without names or diagnoses", () => {
    for (const text of [
      "Fald på vådt trin; skridsikre trin bestilt",
      "Snublede over en ledning ved printeren, kabelbakke sat op",
      "Senere blev holmen ved søen ryddet",
      "Wet floor by the kitchen; mats ordered",
    ])
      expect(accidentTextProblem(text, ROSTER), text).toBeNull();
  });

  it("takes a name only where it stands as a word written as a name", () => {
    expect(nameIn("Alibi og holm", ROSTER)).toBeNull();
    expect(nameIn("aftalt med holm", ROSTER)).toBeNull();
  });

  it("warns of a note that names a person together with a health word, not of either alone", () => {
    expect(namesHealth("Ali er sygemeldt med stress", ROSTER)).toBe(true);
    expect(namesHealth("Birgitte is on sick leave", ROSTER)).toBe(true);
    expect(namesHealth("Ali står for indkaldelsen", ROSTER)).toBe(false);
    expect(namesHealth("Stress er årets fokusområde", ROSTER)).toBe(false);
  });

  it("keeps its word lists small, lower-case and free of doubles", () => {
    for (const list of [DIAGNOSIS_WORDS, HEALTH_WORDS]) {
      expect(list.length).toBeLessThan(60);
      for (const w of list) expect(w).toBe(w.toLowerCase());
    }
    expect(new Set(DIAGNOSIS_WORDS).size).toBe(DIAGNOSIS_WORDS.length);
    expect(containsWord("Diagnosen kom senere", DIAGNOSIS_WORDS)).toBe(true);
  });
});
