import { z } from "zod";
import { type CoreConfig, flag, forbidder, optional, requirer } from "../../src/config.ts";

/** Teams' variables (the runtime contract in the README): the Bot Framework's credentials and who may talk. */
export const teamsConfigSchema = z
  .object({
    MICROSOFT_APP_ID: optional(z.string()),
    MICROSOFT_APP_PASSWORD: optional(z.string()),
    MICROSOFT_APP_TENANT_ID: optional(z.string()),
    MICROSOFT_APP_TYPE: optional(
      z.enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"], {
        message: "MultiTenant, SingleTenant or UserAssignedMSI",
      }),
    ),
    MICROSOFT_ALLOWED_TENANTS: optional(
      z
        .string()
        .transform((v) =>
          v
            .split(",")
            .map((id) => id.trim())
            .filter(Boolean),
        )
        .refine((ids) => ids.length > 0, { message: "a comma-separated list of tenant ids" }),
    ),
    TEAMS_LOCAL_TEST: flag(),
    // The core checks its form; read here because the local test mode's loopback check depends on it.
    TRUST_PROXY: flag(),
  })
  .superRefine((c, ctx) => {
    const need = requirer(c, ctx);
    if (c.MICROSOFT_APP_ID) need("MICROSOFT_APP_PASSWORD", "MICROSOFT_APP_ID is set");
    if (c.MICROSOFT_APP_TYPE === "SingleTenant")
      need("MICROSOFT_APP_TENANT_ID", "MICROSOFT_APP_TYPE is SingleTenant");
    const forbid = forbidder(c, ctx);
    if (c.TEAMS_LOCAL_TEST !== "1") return;
    // Behind a proxy on this computer every request comes from the loopback address, the internet's too.
    if (c.TRUST_PROXY === "1") forbid("TEAMS_LOCAL_TEST", "TRUST_PROXY is 1");
    if (c.MICROSOFT_APP_ID || c.MICROSOFT_APP_PASSWORD)
      forbid("TEAMS_LOCAL_TEST", "Microsoft credentials are set (MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD)");
  });

export type TeamsConfig = CoreConfig & z.infer<typeof teamsConfigSchema>;
