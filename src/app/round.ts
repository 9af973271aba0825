import { ROUND_POINTS, ROUND_TEXT_MAX, type RoundAnswer, roundSettings } from "../domain/round.ts";
import { personWithHealth } from "../domain/sensitive.ts";
import type { Language } from "../domain/types.ts";
import { type MessageKey, t } from "../i18n/index.ts";
import { commandOf } from "./command-name.ts";
import { type Ctx, type Deps, inTransaction, languageOf, read } from "./context.ts";
import { AppError } from "./errors.ts";
import type { Repos } from "./ports.ts";
import { currentYear } from "./walkthrough.ts";

/** What the round's form shows a person: the points, whether it is anonymous, and their own answer to change. */
export interface RoundForm {
  discussionId: string;
  language: Language;
  anonymous: boolean;
  fields: { point: number; label: string; value: string }[];
  figures: {
    accidents: string;
    nearMisses: string;
    value: { accidents: number | null; nearMisses: number | null };
  };
  intro: string;
  title: string;
}

/** What a filled-in form sends: a text per point, by number, and the figures as typed. */
export interface RoundInput {
  points: Record<string, string | null | undefined>;
  accidents?: string | number | null;
  nearMisses?: string | number | null;
}

export type RoundOutcome = "saved" | "updated" | "already";

/** The form for the person asked; refused when they were not asked or the meeting has started. */
export async function roundForm(deps: Deps, ctx: Ctx, discussionId: string): Promise<RoundForm> {
  const { workspace, actor } = ctx;
  return read(deps, async (r) => {
    await askable(deps, r, ctx, discussionId);
    const anonymous = roundSettings(workspace.settings).anonymous;
    const own = anonymous ? null : await r.round.answerOf(workspace.id, discussionId, actor.userId);
    const l = languageOf(ctx);
    return {
      discussionId,
      language: l,
      anonymous,
      title: t(l, "round.title"),
      intro: `${t(l, "round.intro")} ${t(l, anonymous ? "round.anonymous" : "round.named")}`,
      fields: ROUND_POINTS.map((point) => ({
        point,
        label: t(l, `round.point.${point}` as MessageKey),
        value: own?.points[point] ?? "",
      })),
      figures: {
        accidents: t(l, "round.accidents"),
        nearMisses: t(l, "round.near_misses"),
        value: { accidents: own?.accidents ?? null, nearMisses: own?.nearMisses ?? null },
      },
    };
  });
}

/**
 * Saves a person's answer. Named: their one answer, replaced on each send until the meeting starts. Anonymous: the
 * content is stored with no respondent, and only the invite (which holds no link to it) records that they answered,
 * so a second send is refused rather than stored twice.
 */
export async function answerRound(
  deps: Deps,
  ctx: Ctx,
  discussionId: string,
  input: RoundInput,
): Promise<RoundOutcome> {
  const answer = parseRoundInput(input);
  const { workspace, actor } = ctx;
  const anonymous = roundSettings(workspace.settings).anonymous;
  const { value } = await inTransaction(deps, ctx, null, async (r) => {
    await askable(deps, r, ctx, discussionId);
    refuseHealth(
      answer,
      (await r.members.list(workspace.id)).map((m) => m.name),
    );
    const invite = await r.round.lockInvite(workspace.id, discussionId, actor.userId);
    if (!invite) throw new AppError("forbidden", "round.not_asked");
    if (anonymous && invite.answered) return "already" as const;
    await r.round.saveAnswer(workspace.id, discussionId, anonymous ? null : actor.userId, answer);
    await r.round.markAnswered(workspace.id, discussionId, actor.userId);
    return invite.answered ? ("updated" as const) : ("saved" as const);
  });
  return value;
}

/** The round's answer to show the person: thanks, changed, or already received. */
export const roundOutcomeText = (language: Language, outcome: RoundOutcome) =>
  t(
    language,
    outcome === "saved" ? "round.saved" : outcome === "updated" ? "round.updated" : "round.already",
  );

async function askable(deps: Deps, r: Repos, ctx: Ctx, discussionId: string) {
  const discussion = await r.discussions.get(ctx.workspace.id, discussionId);
  if (!discussion)
    throw new AppError("not_found", "error.no_discussion", {
      year: currentYear(deps, ctx),
      command: commandOf(deps, ctx.workspace),
    });
  if (discussion.status !== "planned") throw new AppError("not_editable", "round.closed");
  const invited = (await r.round.invites(ctx.workspace.id, discussionId)).some(
    (i) => i.userId === ctx.actor.userId,
  );
  if (!invited) throw new AppError("forbidden", "round.not_asked");
}

function figure(raw: string | number | null | undefined): number | null {
  if (raw === null || raw === undefined || String(raw).trim() === "") return null;
  const n = Number(String(raw).trim());
  if (!Number.isInteger(n) || n < 0 || n > 100_000) throw new AppError("invalid", "round.bad_number");
  return n;
}

/**
 * The round's checks that need no database, with the roster's names: the form's values, and no colleague named
 * together with a health word (an anonymous answer would keep such a detail with no one to ask).
 */
export function precheckRound(input: RoundInput, names: readonly string[]): RoundAnswer {
  const answer = parseRoundInput(input);
  refuseHealth(answer, names);
  return answer;
}

function refuseHealth(answer: RoundAnswer, names: readonly string[]): void {
  for (const [point, text] of Object.entries(answer.points)) {
    const name = text ? personWithHealth(text, names) : null;
    if (name) throw new AppError("invalid", "round.health", { name, point: Number(point) });
  }
}

/** The form's values as an answer: texts trimmed, empty points left out, figures whole numbers. */
export function parseRoundInput(input: RoundInput): RoundAnswer {
  const points: RoundAnswer["points"] = {};
  for (const point of ROUND_POINTS) {
    const text = String(input.points?.[point] ?? "").trim();
    if (text.length > ROUND_TEXT_MAX)
      throw new AppError("invalid", "round.too_long", { max: ROUND_TEXT_MAX });
    if (text) points[point] = text;
  }
  const accidents = figure(input.accidents);
  const nearMisses = figure(input.nearMisses);
  if (Object.keys(points).length === 0 && accidents === null && nearMisses === null)
    throw new AppError("invalid", "round.empty");
  return { points, accidents, nearMisses };
}
