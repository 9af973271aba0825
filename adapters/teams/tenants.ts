import type { TeamsConfig } from "./config.ts";

/**
 * The Microsoft 365 tenants whose activities are taken: MICROSOFT_ALLOWED_TENANTS, else the app's own tenant for a
 * single-tenant app; null means every tenant.
 */
export function allowedTenants(config: TeamsConfig): ReadonlySet<string> | null {
  if (config.MICROSOFT_ALLOWED_TENANTS) return new Set(config.MICROSOFT_ALLOWED_TENANTS);
  if (config.MICROSOFT_APP_TYPE === "SingleTenant" && config.MICROSOFT_APP_TENANT_ID)
    return new Set([config.MICROSOFT_APP_TENANT_ID]);
  return null;
}

/** The tenant ids an activity names (the conversation's and the channel data's): all must be allowed. */
export function tenantAllowed(
  allowed: ReadonlySet<string> | null,
  activity: { conversation?: { tenantId?: string }; channelData?: unknown },
): boolean {
  if (!allowed) return true;
  const named = [
    activity.conversation?.tenantId,
    (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id,
  ].filter((id) => id !== undefined && id !== null);
  return named.length > 0 && named.every((id) => typeof id === "string" && allowed.has(id));
}
