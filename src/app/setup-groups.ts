import { participationFor } from "../domain/participation.ts";
import type { Role } from "../domain/types.ts";

/** A group of people the setup form names together, by role. */
export interface SetupGroup {
  id: "representatives" | "leaders" | "employees";
  label: "setup.representatives" | "setup.leaders" | "setup.employees";
  role: Role;
}

const AMO: SetupGroup[] = [
  { id: "representatives", label: "setup.representatives", role: "amo_representative" },
  { id: "leaders", label: "setup.leaders", role: "work_leader" },
];
const EMPLOYEES: SetupGroup = { id: "employees", label: "setup.employees", role: "employee" };

/**
 * Who the setup form asks for besides the employer: with 1-9 employees there is no AMO, and every employee takes
 * part; from 10 the AMO's representatives and work leaders. Before the headcount is known, all three.
 */
export function setupGroups(headcount: number | null): SetupGroup[] {
  if (headcount === null) return [...AMO, EMPLOYEES];
  return participationFor(headcount).hasAmo ? AMO : [EMPLOYEES];
}
