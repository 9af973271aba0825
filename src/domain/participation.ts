import type { Localized, Role } from "./types.ts";

/** Who holds the discussion, by headcount (the AMO structure follows the number of employees). */
export type ParticipationTier = "all_employees" | "amo" | "committee";

export interface ParticipationRule {
  tier: ParticipationTier;
  /** Whether the workspace has a working-environment organisation (AMO). */
  hasAmo: boolean;
  description: Localized;
}

export function participationFor(headcount: number): ParticipationRule {
  if (!Number.isInteger(headcount) || headcount < 1) {
    throw new RangeError("headcount must be a whole number of at least 1");
  }
  if (headcount < 10) {
    return {
      tier: "all_employees",
      hasAmo: false,
      description: {
        da: "Med under 10 ansatte holder arbejdsgiveren drøftelsen sammen med alle ansatte, og I skal drøfte, om I har den nødvendige sagkundskab om arbejdsmiljø.",
        en: "With fewer than 10 employees, the employer holds the discussion with all employees, and you must discuss whether you have the necessary working-environment expertise.",
      },
    };
  }
  if (headcount < 35) {
    return {
      tier: "amo",
      hasAmo: true,
      description: {
        da: "Med 10–34 ansatte holder arbejdsgiveren drøftelsen sammen med arbejdsmiljøorganisationen (AMO): arbejdsledere og valgte arbejdsmiljørepræsentanter.",
        en: "With 10–34 employees, the employer holds the discussion with the working-environment organisation (AMO): supervisors and elected working-environment representatives.",
      },
    };
  }
  return {
    tier: "committee",
    hasAmo: true,
    description: {
      da: "Med 35 eller flere ansatte holdes drøftelsen i arbejdsmiljøudvalget. Saml gerne viden og erfaringer fra hele AMO på forhånd.",
      en: "With 35 or more employees, the working-environment committee holds the discussion. Gather knowledge and experience from the whole AMO beforehand.",
    },
  };
}

export const EMPLOYER_STAND_IN: Localized = {
  da: "Kan arbejdsgiveren ikke deltage, skal en repræsentant, der kan træffe beslutninger på arbejdsgiverens vegne, deltage i stedet.",
  en: "If the employer cannot attend, a representative who can make decisions on the employer's behalf must attend instead.",
};

/** What the roster lacks for the workplace's size, as codes with the counts their texts need. */
export type StructureWarning =
  | { code: "employees_missing" }
  | { code: "no_representative"; headcount: number }
  | { code: "fewer_representatives"; reps: number; leaders: number };

/**
 * With 1-9 employees everyone takes part, so the employees belong on the roster. From 10 the AMO must have at
 * least one elected representative, and at least as many representatives as work leaders.
 */
export function structureWarnings(headcount: number, roles: readonly Role[]): StructureWarning[] {
  const count = (role: Role) => roles.filter((r) => r === role).length;
  if (!participationFor(headcount).hasAmo)
    return count("employee") + count("other") === 0 ? [{ code: "employees_missing" }] : [];
  const reps = count("amo_representative");
  const leaders = count("work_leader");
  if (reps === 0) return [{ code: "no_representative", headcount }];
  if (reps < leaders) return [{ code: "fewer_representatives", reps, leaders }];
  return [];
}
