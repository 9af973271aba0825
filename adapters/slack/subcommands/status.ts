import { checkText, languageOf } from "../../../src/app/index.ts";
import { t } from "../../../src/i18n/index.ts";
import { COMMAND_NAME } from "../command-name.ts";
import type { SubcommandArgs } from "./types.ts";

/** status: where this year's (or the given year's) discussion stands, and what the check finds missing. */
export async function status({ deps, ctx, parsed, answer }: SubcommandArgs) {
  const l = languageOf(ctx);
  const report = await deps.core.status(ctx, parsed.year);
  if (!report.discussion)
    return answer.say(t(l, "command.status_none", { year: report.year, command: COMMAND_NAME }));
  const progress = report.completeness ? checkText(l, report.completeness) : t(l, "completeness.all_good");
  await answer.say(
    t(l, "command.status", {
      year: report.year,
      status: t(l, `status.${report.discussion.status}`),
      progress,
    }),
  );
}
