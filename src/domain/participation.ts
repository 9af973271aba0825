import type { Localized } from "./types.ts";

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
        da: "Med under 10 ansatte holder arbejdsgiveren drøftelsen sammen med alle ansatte.",
        en: "With fewer than 10 employees, the employer holds the discussion with all employees.",
      },
    };
  }
  if (headcount < 35) {
    return {
      tier: "amo",
      hasAmo: true,
      description: {
        da: "Med 10–34 ansatte holder arbejdsgiveren drøftelsen sammen med arbejdsmiljøorganisationen (AMO): arbejdsledere og valgte arbejdsmiljørepræsentanter.",
        en: "With 10–34 employees, the employer holds the discussion with the working-environment organisation (AMO): work leaders and elected working-environment representatives.",
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
