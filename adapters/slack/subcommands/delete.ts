import { languageOf } from "../../../src/app/index.ts";
import { formatDateTime, t } from "../../../src/i18n/index.ts";
import type { SubcommandArgs } from "./types.ts";

/** slet / delete: asks for a confirmation code, and deletes everything once the code is given back. */
export async function deleteData({ deps, ctx, parsed, answer }: SubcommandArgs) {
  const l = languageOf(ctx);
  if (parsed.code) {
    await deps.core.confirmDeletion(ctx, parsed.code);
    return answer.say(t(l, "command.deleted"));
  }
  const { code, expiresAt } = await deps.core.requestDeletion(ctx);
  await answer.say(
    t(l, "command.deletion_requested", { code, until: formatDateTime(l, expiresAt, ctx.workspace.timeZone) }),
  );
}
