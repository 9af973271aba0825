import type { Core, Ctx, Logger } from "../../src/app/index.ts";
import { AppError, errorText } from "../../src/app/index.ts";
import type { Language } from "../../src/domain/types.ts";
import { t } from "../../src/i18n/index.ts";
import type { TeamsChat } from "./chat-port.ts";
import type { TeamsStore } from "./store.ts";
import type { Inbound } from "./turn.ts";

export interface TeamsDeps {
  core: Core;
  log: Logger;
  store: TeamsStore;
  /** The Teams chat port of a workspace (for what handlers send beyond their own reply). */
  chat(workspace: Ctx["workspace"]): TeamsChat;
}

export class NoTenantError extends Error {}

/** The workspace (the Microsoft 365 tenant) and the acting user behind an activity. */
export async function teamsCtx(deps: TeamsDeps, inbound: Inbound): Promise<Ctx> {
  if (!inbound.tenantId || !inbound.user.id) throw new NoTenantError("activity without tenant or user");
  const ctx = await deps.core.context(
    "teams",
    inbound.tenantId,
    { userId: inbound.user.id, name: inbound.user.name || inbound.user.id },
    inbound.conversation.teamName ?? "",
  );
  // A bot's answer in Teams is seen by the whole conversation: private only in a personal chat.
  const place = { conversation: inbound.conversation.id, private: inbound.conversation.kind === "personal" };
  return { ...ctx, place };
}

/** Whatever went wrong, as one polite sentence in the workspace's language; unknown errors are logged. */
export function failureText(deps: TeamsDeps, language: Language, error: unknown): string {
  if (error instanceof AppError) return errorText(language, error);
  if (error instanceof NoTenantError) return t(language, "teams.no_tenant");
  deps.log.error("teams handler failed", { error: String(error), stack: (error as Error)?.stack });
  return t(language, "error.temporary");
}

/** The conversation a discussion can be held in: a channel or a group chat (not a personal chat). */
export const hostConversation = (inbound: Inbound): string | null =>
  inbound.conversation.kind === "personal" ? null : inbound.conversation.id;
