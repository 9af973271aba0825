import type { Discussion, Entry, Member, RecordPeople, Workspace } from "../domain/entities.ts";
import type { EntryData } from "../domain/entries.ts";
import type { Role } from "../domain/types.ts";
import type { Repos } from "./ports.ts";

/** Who took part as the record states it: as kept at the conclusion, else as peopleNow finds them. */
export async function recordPeopleOf(
  r: Repos,
  workspace: Workspace,
  discussion: Discussion,
): Promise<RecordPeople> {
  return discussion.recordPeople ?? peopleNow(r, workspace, discussion);
}

/**
 * Who took part, by the attendance point 1 recorded, else by the plan and the roster as they are now, and the headcount
 * now: what a conclusion keeps. With attendance recorded, the people invited who were not there are named too.
 * `kept` are the people kept at the conclusion, whose roles then stand over today's.
 */
export async function peopleNow(
  r: Repos,
  workspace: Workspace,
  discussion: Discussion,
  kept?: RecordPeople,
): Promise<RecordPeople> {
  const [members, entries] = await Promise.all([
    r.members.list(workspace.id),
    r.entries.forDiscussion(workspace.id, discussion.id),
  ]);
  const known = kept ? [...kept.participants, ...(kept.absent ?? [])] : [];
  const asKept = (p: Invitee): Invitee => ({
    ...p,
    role: known.find((k) => samePerson(k, p))?.role ?? p.role,
  });
  const invited = invitedOf(discussion, members).map(asKept);
  const present = attendeesOf(entries, members, invited)?.map(asKept) ?? null;
  const plain = (people: Invitee[]) => people.map(({ name, role }) => ({ name, role }));
  const standIn =
    present && discussion.standIn && !present.some((p) => samePerson(p, discussion.standIn!))
      ? null
      : discussion.standIn;
  const participants = plain(present ?? invited);
  return {
    participants,
    // Without participants in the plan the roster stands in for them, but no one on it was called as absent.
    ...(present && discussion.participants.length > 0
      ? { absent: plain(invited.filter((p) => !present.some((a) => samePerson(a, p)))) }
      : {}),
    employerStandIn: employerStandIn(standIn, participants),
    headcount: kept?.headcount ?? workspace.headcount ?? 1,
  };
}

type Invitee = { id?: string; name: string; role: Role };

const samePerson = (a: { id?: string; name: string }, b: { id?: string; name: string }) =>
  a.id && b.id ? a.id === b.id : a.name.trim().toLowerCase() === b.name.trim().toLowerCase();

/** Who was present by the newest choice of minute-taker that says so, each with the role setup (or the plan) gave. */
function attendeesOf(entries: Entry[], members: Member[], invited: Invitee[]): Invitee[] | null {
  const said = entries.filter((e) => e.kind === "minute_taker").at(-1)?.data as
    | EntryData["minute_taker"]
    | undefined;
  if (!said?.attendees) return null;
  return said.attendees.map((p) => ({
    ...p,
    role:
      members.find((m) => p.id && m.userId === p.id)?.role ??
      invited.find((i) => samePerson(i, p))?.role ??
      "other",
  }));
}

/** Who was invited: the people planned (with the roles setup gave them), else everyone on the roster. */
function invitedOf(discussion: Discussion, members: Member[]): Invitee[] {
  if (discussion.participants.length === 0)
    return members.map((m) => ({ id: m.userId, name: m.name || m.userId, role: m.role }));
  return discussion.participants.map((p) => ({
    ...(p.id ? { id: p.id } : {}),
    name: p.name,
    role: members.find((m) => m.userId === p.id)?.role ?? p.role,
  }));
}

/**
 * Who decided for the employer where the employer did not take part: the stand-in named when it was planned, else
 * the employer's representative among the participants.
 */
function employerStandIn(
  standIn: Discussion["standIn"],
  participants: { name: string; role: Role }[],
): string | null {
  if (participants.some((p) => p.role === "employer")) return null;
  return standIn?.name ?? participants.find((p) => p.role === "employer_representative")?.name ?? null;
}

/**
 * Point 1's attendance changed on a concluded record: the people kept at the conclusion follow it. The headcount and
 * the roles kept then stay; who was present, who was absent and whether the stand-in counts are worked out again.
 */
export async function keepAmendedAttendance(r: Repos, workspace: Workspace, discussion: Discussion) {
  const kept = discussion.recordPeople;
  if (!kept) return discussion;
  const people = await peopleNow(r, workspace, discussion, kept);
  await r.discussions.keepRecordPeople(workspace.id, discussion.id, people);
  return { ...discussion, recordPeople: people };
}
