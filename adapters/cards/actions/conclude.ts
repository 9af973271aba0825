import { ACTIONS, AppError, errorText, languageOf } from "../../../src/app/index.ts";
import type { AdaptiveCard } from "../draw/card.ts";
import { completenessCard, messageCard } from "../draw/other.ts";
import { t } from "../texts.ts";
import { type ActionArgs, pointOrMessage } from "./shared.ts";
import { readSubmit } from "./submit.ts";

/**
 * Conclude. With something missing the user gets the completeness check in the card and may conclude anyway with a
 * reason (recorded with their name). When concluded, the summary is posted by the core; as Teams cannot pin in a
 * channel, the channel is told where the summary is kept.
 */
export async function conclude(args: ActionArgs): Promise<AdaptiveCard> {
  const { meta } = readSubmit(args.data, ACTIONS.conclude, [], languageOf(args.ctx));
  return concluding(args, meta.d, meta.v, null);
}

/** Conclude anyway asks why: the completeness check with the field for the reason (or concluded, if nothing is missing). */
export async function concludeAnyway(args: ActionArgs): Promise<AdaptiveCard> {
  const { meta } = readSubmit(args.data, ACTIONS.concludeAnyway, [], languageOf(args.ctx));
  return concluding(args, meta.d, meta.v, null);
}

/** Concludes although something is missing, with the reason given in the card. */
export async function concludeWithReason(args: ActionArgs): Promise<AdaptiveCard> {
  const { meta, inputs } = readSubmit(args.data, ACTIONS.concludeReason, ["reason"], languageOf(args.ctx));
  return concluding(args, meta.d, meta.v, (inputs.reason ?? "").trim());
}

/** `reason` null: an ordinary conclusion; a string: concluding anyway, which needs one written. */
async function concluding(
  args: ActionArgs,
  discussionId: string,
  version: number,
  reason: string | null,
): Promise<AdaptiveCard> {
  const { deps, ctx } = args;
  const l = languageOf(ctx);
  if (reason === "") {
    const check = await deps.core.conclude(ctx, { discussionId, expectedVersion: version }, null);
    if (!check.concluded) {
      return completenessCard(
        { discussionId, version, language: l, completeness: check.completeness },
        t(l, "teams.conclude_reason_required"),
      );
    }
    return afterConcluded(args, discussionId, check.summaryVersion, check.pinned, check.discussion.channelId);
  }
  try {
    const result = await deps.core.conclude(
      ctx,
      { discussionId, expectedVersion: version, overrideReason: reason },
      args.key,
    );
    if (!result.concluded) {
      return completenessCard({ discussionId, version, language: l, completeness: result.completeness });
    }
    return afterConcluded(
      args,
      discussionId,
      result.summaryVersion,
      result.pinned,
      result.discussion.channelId,
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return messageCard(errorText(l, error), "attention");
  }
}

async function afterConcluded(
  args: ActionArgs,
  discussionId: string,
  summaryVersion: number,
  pinned: boolean,
  channel: string | null,
): Promise<AdaptiveCard> {
  const l = languageOf(args.ctx);
  const where = t(l, pinned ? "teams.summary_pinned" : "teams.summary_kept", { version: summaryVersion });
  if (channel && !pinned) {
    await args.deps
      .chat(args.ctx.workspace)
      .post(channel, { kind: "text", view: { language: l, text: where } })
      .catch((error) =>
        args.deps.log.warn("could not say where the summary is kept", { error: String(error) }),
      );
  }
  return pointOrMessage(args, discussionId, 11, where, "good");
}
