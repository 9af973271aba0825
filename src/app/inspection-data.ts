import { addToDate, localDateOf } from "../domain/calendar.ts";
import type { Discussion, Entry, Member, Workspace } from "../domain/entities.ts";
import type { EntryData } from "../domain/entries.ts";
import type { FolderAction, FolderMember } from "../domain/readiness.ts";
import { membershipYearOn, needsTraining, supplementaryDays } from "../domain/training.ts";
import type { Role } from "../domain/types.ts";
import { yearFigures } from "../domain/year-figures.ts";
import { APV_SOURCE } from "./apv-actions.ts";

/** A discussion with everything recorded in it. */
export interface HeldYear {
  discussion: Discussion;
  entries: Entry[];
}

const AMO_ROLES: readonly Role[] = [
  "employer",
  "employer_representative",
  "amo_representative",
  "work_leader",
];

/** The newest entry of a kind over the years (newest year first), with its year. */
export function newestOfKind<K extends keyof EntryData>(years: HeldYear[], kind: K) {
  for (const { discussion, entries } of years) {
    const found = entries.filter((e) => e.kind === kind).at(-1);
    if (found) return { year: discussion.year, entry: found, data: found.data as EntryData[K] };
  }
  return null;
}

/**
 * The AMO with each member's role, joining date and 3-day course as point 10 last recorded it; without an AMO, the
 * people who took part in the newest discussion.
 */
export function folderMembers(members: Member[], years: HeldYear[], hasAmo: boolean): FolderMember[] {
  if (!hasAmo) {
    // Who took part as the record keeps it (those present, where point 1 said so), else as the plan named them.
    const newest = years.find(
      (y) => y.discussion.recordPeople || y.discussion.participants.length > 0,
    )?.discussion;
    const people: { id?: string; name: string; role: Role }[] =
      newest?.recordPeople?.participants ??
      newest?.participants ??
      members.map((m) => ({ id: m.userId, name: m.name, role: m.role }));
    return people.map((p) => ({
      name: p.name,
      role: members.find((m) => p.id && m.userId === p.id)?.role ?? p.role,
      joinedOn: null,
      course: "not_required",
      courseDue: null,
      supplementary: null,
    }));
  }
  const newest = newestOfKind(years, "competences");
  const competences = newest?.data.members ?? [];
  // The membership year is counted on the day point 10 was recorded: the days due then.
  const recordedOn = newest ? newest.entry.createdAt.toISOString().slice(0, 10) : null;
  return members
    .filter((m) => AMO_ROLES.includes(m.role))
    .map((m) => {
      const recorded = competences.find((c) =>
        c.person.id ? c.person.id === m.userId : c.person.name === m.name,
      );
      const course: FolderMember["course"] = !needsTraining(m.role)
        ? "not_required"
        : recorded?.firstCourseDone === true
          ? "done"
          : recorded?.firstCourseDone === false
            ? "not_done"
            : "unknown";
      const supplementary =
        needsTraining(m.role) && recorded && m.joinedAmoOn && recordedOn
          ? {
              taken: recorded.supplementaryTakenDays ?? null,
              due: supplementaryDays(membershipYearOn(m.joinedAmoOn, recordedOn)),
              offered: recorded.supplementaryOffered ?? null,
            }
          : null;
      return {
        name: m.name || m.userId,
        role: m.role,
        joinedOn: m.joinedAmoOn,
        course,
        courseDue: m.joinedAmoOn ? addToDate(m.joinedAmoOn, { months: 3 }) : null,
        supplementary,
      };
    });
}

/** A decision or goal as the folder's tables show it. */
export function folderAction(entry: Entry, year: number, today: string): FolderAction {
  const data = entry.data as { text?: string; owner?: { name?: string } };
  const status = entry.status === "done" ? "done" : "open";
  return {
    year,
    kind: entry.kind === "goal" ? "goal" : "decision",
    text: data.text ?? "",
    owner: data.owner?.name ?? null,
    deadline: entry.deadline,
    status,
    overdue: status === "open" && entry.deadline !== null && entry.deadline < today,
  };
}

/** The newest APV as point 4 recorded it, and its action plan's items with how each stands. */
export function folderApv(years: HeldYear[], today: string) {
  const newest = newestOfKind(years, "apv_status");
  const dated = years
    .flatMap((y) => y.entries.filter((e) => e.kind === "apv_status"))
    .map((e) => (e.data as EntryData["apv_status"]).lastApvDate)
    .filter((d): d is string => Boolean(d))
    .sort();
  // The newest APV's items, and any older item still open: the plan is followed until each is done.
  const actions = years.flatMap(({ discussion, entries }) =>
    entries
      .filter((e) => e.point === 4 && e.kind === "decision" && e.source === APV_SOURCE)
      .filter((e) => discussion.year === newest?.year || e.status === "open")
      .map((e) => folderAction(e, discussion.year, today)),
  );
  return {
    lastApvDate: dated.at(-1) ?? null,
    nextPlanned: newest?.data.nextApvPlanned ?? null,
    actionPlanStatus: newest?.data.actionPlanStatus ?? null,
    actions,
  };
}

/** The day the newest concluded discussion was held, in the workplace's time zone. */
export function lastHeldOn(workspace: Workspace, discussions: Discussion[]): string | null {
  const held = discussions.find((d) => d.status === "concluded" || d.status === "approved");
  const at = held?.startedAt ?? held?.concludedAt;
  return at ? localDateOf(at, workspace.timeZone) : null;
}

/** The accident figures point 6 recorded, per year, for the `span` years up to `lastYear`. */
export function folderFigures(years: HeldYear[], lastYear: number, span: number) {
  const recorded = years.map((y) => ({
    year: y.discussion.year,
    overviews: y.entries
      .filter((e) => e.kind === "accident_overview")
      .map((e) => e.data as EntryData["accident_overview"]),
  }));
  return yearFigures(recorded, lastYear, span);
}
