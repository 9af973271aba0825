import { ROUND_FIGURES_POINT, type RoundInvite, type StoredRoundAnswer } from "./round.ts";

/** What came in from the round: counts for the employer, the texts under their points, point 6's figures summed. */
export interface RoundDigest {
  asked: number;
  answered: number;
  anonymous: boolean;
  /** The texts written under each point, by point number. */
  byPoint: Record<number, string[]>;
  /** Point 6's figures added up over the answers that gave any; null when none did. */
  figures: { accidents: number; nearMisses: number } | null;
}

export function roundDigest(
  invites: readonly RoundInvite[],
  answers: readonly StoredRoundAnswer[],
  anonymous: boolean,
): RoundDigest | null {
  if (invites.length === 0) return null;
  const byPoint: Record<number, string[]> = {};
  for (const a of answers) {
    for (const [point, text] of Object.entries(a.points)) {
      if (!text) continue;
      const list = byPoint[Number(point)] ?? [];
      list.push(text);
      byPoint[Number(point)] = list;
    }
  }
  const counted = answers.filter((a) => a.accidents !== null || a.nearMisses !== null);
  const sum = (pick: (a: StoredRoundAnswer) => number | null) =>
    counted.reduce((n, a) => n + (pick(a) ?? 0), 0);
  const figures = counted.length
    ? { accidents: sum((a) => a.accidents), nearMisses: sum((a) => a.nearMisses) }
    : null;
  return {
    asked: invites.length,
    answered: invites.filter((i) => i.answered).length,
    anonymous,
    byPoint,
    figures,
  };
}

/** The points whose view shows the round: point 1 its counts (the meeting's opening), the asked-about points their input. */
export const showsRound = (point: number) =>
  point === 1 || point === ROUND_FIGURES_POINT || [4, 5, 7, 8].includes(point);

/** The round as a point's view shows it, worded: the counts, and what came in for the point. */
export function roundLines(
  digest: RoundDigest,
  point: number,
  tr: (
    key: "round.counts" | "round.figures" | "round.figures_total",
    params: Record<string, number | string>,
  ) => string,
): { counts: string; inputs: string[] } {
  const counts = tr("round.counts", { asked: digest.asked, answered: digest.answered });
  const inputs = [...(digest.byPoint[point] ?? [])];
  if (point === ROUND_FIGURES_POINT && digest.figures)
    inputs.unshift(tr("round.figures_total", { figures: tr("round.figures", digest.figures) }));
  return { counts, inputs: point === 1 ? [] : inputs };
}
