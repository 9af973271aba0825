import type { Role } from "../../src/domain/types.ts";

/** Who can take part in the local trial: the page lets you be any of them, so both sides can act and approve. */
export interface Person {
  id: string;
  name: string;
  /** The role the person is meant to have once the setup names it (shown in the switcher as a hint). */
  role: Role | "employee";
}

export const PEOPLE: readonly Person[] = [
  { id: "local-mette", name: "Mette Hansen", role: "employer" },
  { id: "local-ali", name: "Ali Nielsen", role: "amo_representative" },
  { id: "local-soeren", name: "Søren Østergaard", role: "work_leader" },
  { id: "local-fatima", name: "Fatima Jensen", role: "employee" },
];

export const personById = (id: unknown): Person | null =>
  typeof id === "string" ? (PEOPLE.find((p) => p.id === id) ?? null) : null;

/** The one channel of the local trial, and each person's direct messages. */
export const CHANNEL = "local-channel";
export const directChannel = (userId: string) => `dm:${userId}`;
/** The workspace the local trial runs in (its external id on the "local" platform). */
export const WORKSPACE_EXTERNAL_ID = "local";
