import { z } from "zod";
import { type CoreConfig, optional } from "../../src/config.ts";

/** The test platform's one variable: the secret its requests carry. Unset, the platform is off. */
export const testchatConfigSchema = z.object({
  TESTCHAT_SECRET: optional(z.string().min(8, { message: "a secret of at least 8 characters" })),
});

export type TestchatConfig = CoreConfig & z.infer<typeof testchatConfigSchema>;
