import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { parseCommand } from "../../../../src/app/commands.ts";
import { helpText } from "../../../../src/app/help.ts";
import { type Ctx, failureText, languageOf } from "../../../../src/app/index.ts";
import { t } from "../../../../src/i18n/index.ts";
import { commandAnswer } from "../../answer.ts";
import { COMMAND_NAME } from "../../command-name.ts";
import { type SlackDeps, slackCtx } from "../../context.ts";
import { escapeMrkdwn } from "../../render/mrkdwn.ts";
import { SUBCOMMAND_HANDLERS } from "../../subcommands/index.ts";

/** Slack sends the command as the manifest names it; "oe" for those who write ø so. */
export const COMMANDS = [COMMAND_NAME, "/arbejdsmiljo", "/arbejdsmiljoe"];

/**
 * /arbejdsmiljø and its ASCII alias /arbejdsmiljo: acks at once, then runs the subcommand (one file each under
 * subcommands/). An unknown subcommand or a bad argument gets the help, with a first line saying what was not
 * understood; any failure a polite sentence, all privately and in the workspace's language.
 */
export function register(app: App, deps: SlackDeps) {
  const handle = async ({
    command,
    ack,
    respond,
    client,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    let ctx: Ctx | null = null;
    const answerIn = (c: Ctx | null) =>
      commandAnswer(respond, client, command.user_id, c ? languageOf(c) : "da");
    try {
      ctx = await slackCtx(deps, client, command.team_id, command.user_id);
      const l = languageOf(ctx);
      const answer = answerIn(ctx);
      const parsed = parseCommand(command.text ?? "");
      if (parsed.type === "unknown") {
        const lead = t(l, "command.unknown", { word: escapeMrkdwn(parsed.word) });
        return await answer.say(helpText(l, command.command, lead));
      }
      if (parsed.type === "bad_argument") {
        const lead = t(l, "command.bad_argument", { argument: escapeMrkdwn(parsed.argument) });
        return await answer.say(helpText(l, command.command, lead));
      }
      await SUBCOMMAND_HANDLERS[parsed.type]({ deps, ctx, command, client, parsed, answer });
    } catch (error) {
      await answerIn(ctx)
        .say(failureText(deps.log, ctx ? languageOf(ctx) : "da", error))
        .catch(() => {});
    }
  };
  for (const name of COMMANDS) app.command(name, handle);
}
