import { ACTIONS, AppError, languageOf, problemText } from "../../../src/app/index.ts";
import { formatDateTime, t } from "../../../src/i18n/index.ts";
import type { AdaptiveCard } from "../draw/card.ts";
import { messageCard } from "../draw/other.ts";
import { type Person, planCard } from "../draw/setup.ts";
import { hostConversation } from "../inbound.ts";
import type { ActionArgs } from "./shared.ts";
import { readSubmit } from "./submit.ts";

/** Plans (or moves) the meeting; the core posts the announcement and the calendar invitation. */
export async function savePlan(args: ActionArgs): Promise<AdaptiveCard> {
  const { deps, ctx, inbound } = args;
  const l = languageOf(ctx);
  const inputIds = ["date", "time", "duration", "location", "participants", "standIn"];
  const { inputs } = readSubmit(args.data, ACTIONS.plan, inputIds, l);
  const roster: Person[] = await inbound.roster().catch(() => []);
  const participants = (inputs.participants ?? "")
    .split(",")
    .filter(Boolean)
    .map((id) => ({ id, name: roster.find((p) => p.id === id)?.name || id, role: "other" as const }));
  const standInId = inputs.standIn?.trim();
  const standIn = standInId
    ? { id: standInId, name: roster.find((p) => p.id === standInId)?.name || standInId }
    : null;
  try {
    const result = await deps.core.schedule(
      ctx,
      {
        date: inputs.date ?? "",
        time: inputs.time ?? "",
        durationMinutes: inputs.duration ? Number(inputs.duration) : null,
        location: inputs.location?.trim() || null,
        channel: hostConversation(inbound),
        participants,
        standIn,
      },
      args.key,
    );
    const when = result.discussion.scheduledAt
      ? formatDateTime(l, result.discussion.scheduledAt, ctx.workspace.timeZone)
      : "";
    const warnings = result.warnings.map((w) => t(l, `plan.warning.${w}`));
    return messageCard([t(l, "command.planned", { when }), ...warnings].join("\n"), "good");
  } catch (error) {
    if (!(error instanceof AppError) || Object.keys(error.problems).length === 0) throw error;
    const errors: Record<string, string> = {};
    for (const [field, problem] of Object.entries(error.problems)) {
      const id = ["date", "time", "durationMinutes", "location"].includes(field)
        ? field
        : field.startsWith("standIn")
          ? "standIn"
          : "_";
      errors[id] ??= problemText(l, problem);
    }
    return planCard(l, roster, { errors, values: inputs });
  }
}
