import { z } from "zod";
import { type CoreConfig, flag, optional, requirer } from "../../src/config.ts";

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
  })
  .superRefine((c, ctx) => {
    const need = requirer(c, ctx);
    if (c.MICROSOFT_APP_ID) need("MICROSOFT_APP_PASSWORD", "MICROSOFT_APP_ID is set");
    if (c.MICROSOFT_APP_TYPE === "SingleTenant")
      need("MICROSOFT_APP_TENANT_ID", "MICROSOFT_APP_TYPE is SingleTenant");
  });

export type TeamsConfig = CoreConfig & z.infer<typeof teamsConfigSchema>;
