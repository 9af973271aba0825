import type { WebClient } from "@slack/web-api";
import { isTransientDbError } from "../../src/app/errors.ts";
import type { Core, Ctx, Logger } from "../../src/app/index.ts";
import { AppError, errorText, problemText } from "../../src/app/index.ts";
import type { Language } from "../../src/domain/types.ts";
import { workspaceAdmin } from "./admins.ts";
import type { DisplayNames } from "./display-names.ts";
import { t } from "./texts.ts";
import type { ToldOnce } from "./told-once.ts";

export interface SlackDeps {
  core: Core;
  log: Logger;
  /** People's display names, kept a while. */
  names: DisplayNames;
  /** Private notices just given, so a repeated click is not answered again. */
  told: ToldOnce;
}

/**
 * The workspace and the acting user, before Slack has been answered: without the client, so nothing checked then
 * can call the Web API, not even for a name or an admin flag (the name stands as the id). After the answer, slackCtx.
 */
export function slackCtxUnnamed(deps: SlackDeps, teamId: string, userId: string): Promise<Ctx> {
  return deps.core.context("slack", teamId, { userId, name: userId });
}

/**
 * The workspace and the acting user behind a Slack request; users.info is asked only when a name is needed, or the
 * person's remembered language is missing or old (`askLocale: false`, where an answer is rare: the remembered one).
 * A `language` read earlier in the same request is used as it is.
 */
export function slackCtx(
  deps: SlackDeps,
  client: WebClient,
  teamId: string,
  userId: string,
  { askLocale = true, language }: { askLocale?: boolean; language?: Language } = {},
): Promise<Ctx> {
  return deps.core.context("slack", teamId, {
    userId,
    name: userId,
    ...(language ? { language } : {}),
    lookUpName: () => deps.names.of(client, teamId, userId),
    ...(askLocale ? { lookUpLocale: () => deps.names.localeOf(client, teamId, userId) } : {}),
    isWorkspaceAdmin: workspaceAdmin(client, userId),
  });
}

/**
 * What a user is told when work Slack was already answered for fails (the modal has closed): a refusal in its own
 * words; anything else (the database gone, a fault) that nothing was saved and to try again. Faults are logged.
 */
export function notSavedText(deps: SlackDeps, language: Language, error: unknown): string {
  if (error instanceof AppError && error.code !== "temporary") {
    const problems = Object.values(error.problems);
    if (problems.length === 0) return errorText(language, error);
    return [t(language, "slack.not_saved_fields"), ...problems.map((p) => problemText(language, p))].join(
      "\n",
    );
  }
  if (!(error instanceof AppError))
    deps.log.error("slack work failed", {
      error: String(error),
      stack: (error as Error)?.stack,
    });
  return t(language, "slack.not_saved");
}

/** How long work after Slack's answer waits before each new try while the database is briefly away. */
const RETRY_WAITS_MS = [250, 1000];

/**
 * Runs work Slack was already answered for, trying again a little later while the database is briefly away (an
 * AppError "temporary", or the driver's own error where no use case stood between). Only for work that records once
 * however often it runs (keyed, or the same change again).
 */
export async function retrying<T>(
  work: () => Promise<T>,
  waits: readonly number[] = RETRY_WAITS_MS,
): Promise<T> {
  for (const wait of waits) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof AppError && error.code === "temporary") && !isTransientDbError(error))
        throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return work();
}

/** Tells one user something in a channel (in a thread, given its ts), visible only to them. */
export async function tellUser(
  client: WebClient,
  channel: string | undefined,
  user: string,
  text: string,
  blocks?: unknown[],
  threadTs?: string,
) {
  // A click on the person's own page (App Home) comes from no channel: they are answered in their direct messages.
  if (!channel) {
    await client.chat.postMessage({ channel: user, text, ...(blocks ? { blocks: blocks as never } : {}) });
    return;
  }
  await client.chat.postEphemeral({
    channel,
    user,
    text,
    ...(blocks ? { blocks: blocks as never } : {}),
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });
}

/** The team id in any Slack payload (commands, interactions, events). */
export function teamOf(body: Record<string, unknown>): string {
  const team = body.team as { id?: string } | string | undefined;
  const user = body.user as { team_id?: string } | undefined;
  return (
    (typeof team === "object" ? team?.id : undefined) ??
    (body.team_id as string) ??
    user?.team_id ??
    (typeof team === "string" ? team : "")
  );
}
