import type { Ctx } from "../../src/app/index.ts";
import type { CardDeps } from "../cards/inbound.ts";
import type { TeamsStore } from "./store.ts";
import type { TeamsInbound } from "./turn.ts";

/** The shared handlers' needs, and the Teams adapter's own rows (conversation references, pages, files). */
export interface TeamsDeps extends CardDeps {
  store: TeamsStore;
}

/** An activity from outside a Microsoft 365 tenant, or without a user: refused politely, nothing stored. */
export class NoTenantError extends Error {}

/** The workspace (the Microsoft 365 tenant) and the acting user behind an activity. */
export async function teamsCtx(deps: TeamsDeps, inbound: TeamsInbound): Promise<Ctx> {
  if (!inbound.tenantId || !inbound.user.id) throw new NoTenantError("activity without tenant or user");
  const ctx = await deps.core.context(
    "teams",
    inbound.tenantId,
    {
      userId: inbound.user.id,
      name: inbound.user.name || inbound.user.id,
      ...(inbound.locale ? { locale: inbound.locale } : {}),
    },
    inbound.conversation.teamName ?? "",
  );
  // A bot's answer in Teams is seen by the whole conversation: private only in a personal chat.
  const place = { conversation: inbound.conversation.id, private: inbound.conversation.kind === "personal" };
  return { ...ctx, place };
}
