import type { Discussion, Workspace } from "../domain/entities.ts";
import { participationFor } from "../domain/participation.ts";
import type { Role } from "../domain/types.ts";
import { EMPLOYER_ROLES } from "./context.ts";
import type { Repos } from "./ports.ts";
import { headcountOf } from "./record-size.ts";

const APPROVER_ROLES: readonly Role[] = ["employer", "employer_representative", "amo_representative"];

/** Who approves a summary: both sides of the AMO, or (without an AMO) the employer's side and any employee. */
export function approverRoles(headcount: number | null): readonly Role[] {
  return participationFor(headcount ?? 1).hasAmo ? APPROVER_ROLES : [...APPROVER_ROLES, "employee", "other"];
}

/**
 * The people whose buttons differ from everyone else's, by user id: who may conclude and who may approve. A platform
 * can show each of them their own buttons; the use cases still check every click.
 */
export interface CardRights {
  conclude: string[];
  approve: string[];
}

/** For a discussion that is concluded, who may approve goes by the size its record kept, as approve does. */
export async function cardRights(
  r: Repos,
  workspace: Workspace,
  discussion: Pick<Discussion, "recordPeople"> | null,
): Promise<CardRights> {
  const members = await r.members.list(workspace.id);
  const approvers = approverRoles(headcountOf(workspace, discussion));
  return {
    conclude: members.filter((m) => EMPLOYER_ROLES.includes(m.role)).map((m) => m.userId),
    approve: members.filter((m) => approvers.includes(m.role)).map((m) => m.userId),
  };
}
