import type { Discussion, Workspace } from "../domain/entities.ts";
import { participationFor } from "../domain/participation.ts";

type Kept = Pick<Discussion, "recordPeople"> | null;

/**
 * The headcount the record goes by: as kept at the conclusion, else the workspace's now (null where it has none, as
 * before setup). A concluded record keeps its size, so later changes to the setup do not rewrite who held it.
 */
export function headcountOf(workspace: Pick<Workspace, "headcount">, discussion: Kept): number | null {
  return discussion?.recordPeople?.headcount ?? workspace.headcount;
}

/** Whether the record's workplace has an AMO, by that headcount; one not known yet counts as small, as elsewhere. */
export function recordHasAmo(workspace: Pick<Workspace, "headcount">, discussion: Kept): boolean {
  return participationFor(headcountOf(workspace, discussion) ?? 1).hasAmo;
}
