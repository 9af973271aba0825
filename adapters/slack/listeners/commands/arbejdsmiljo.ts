import type { App, RespondFn, SlashCommand } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { parseCommand } from "../../../../src/app/commands.ts";
import { helpText } from "../../../../src/app/help.ts";
import type { Ctx } from "../../../../src/app/index.ts";
import { formatDate, formatDateTime, t } from "../../../../src/i18n/index.ts";
import { repos } from "../../../../src/store/index.ts";
import { failureText, type SlackDeps, slackCtx } from "../../context.ts";
import { escapeMrkdwn, splitText } from "../../render/mrkdwn.ts";
import { planModal, setupModal } from "../../render/setup-modals.ts";
import { summaryPages } from "../../render/summary.ts";
import { startDiscussion } from "../../start-discussion.ts";

/** /arbejdsmiljø and its ASCII alias /arbejdsmiljo: one entry for every subcommand. */
export function register(app: App, deps: SlackDeps) {
  app.command(/^\/arbejdsmilj(ø|o|oe)$/, async ({ command, ack, respond, client }) => {
    await ack();
    let ctx: Ctx | null = null;
    try {
      ctx = await slackCtx(deps, client, command.team_id, command.user_id);
      await handle(deps, ctx, command, respond, client);
    } catch (error) {
      await respond({
        response_type: "ephemeral",
        text: failureText(deps, ctx?.workspace.language ?? "da", error),
      });
    }
  });
}

async function handle(
  deps: SlackDeps,
  ctx: Ctx,
  command: SlashCommand,
  respond: RespondFn,
  client: WebClient,
) {
  const l = ctx.workspace.language;
  const say = (text: string) => respond({ response_type: "ephemeral", text });
  const parsed = parseCommand(command.text ?? "");
  const name = command.command;
  switch (parsed.type) {
    case "help":
      return say(helpText(l, name));
    case "unknown":
      return say(helpText(l, name, t(l, "command.unknown", { word: escapeMrkdwn(parsed.word) })));
    case "bad_argument":
      return say(
        helpText(l, name, t(l, "command.bad_argument", { argument: escapeMrkdwn(parsed.argument) })),
      );
    case "setup": {
      const members = await repos(deps.core.deps.db).members.list(ctx.workspace.id);
      await client.views.open({
        trigger_id: command.trigger_id,
        view: setupModal(ctx.workspace, members, command.channel_id),
      });
      return;
    }
    case "plan":
      if (ctx.workspace.headcount === null) return say(t(l, "error.not_set_up"));
      await client.views.open({
        trigger_id: command.trigger_id,
        view: planModal(ctx.workspace, command.channel_id),
      });
      return;
    case "start":
      return say(await startDiscussion(deps, ctx, client, command.channel_id, `start:${command.trigger_id}`));
    case "status": {
      const report = await deps.core.status(ctx, parsed.year);
      if (!report.discussion) return say(t(l, "command.status_none", { year: report.year }));
      const missing = report.completeness
        ? [...report.completeness.legal.map((r) => `• ${t(l, `legal.${r}`)}`)]
        : [];
      const progress = missing.length
        ? `${t(l, "completeness.legal")}:\n${missing.join("\n")}`
        : t(l, "completeness.all_good");
      return say(
        t(l, "command.status", {
          year: report.year,
          status: t(l, `status.${report.discussion.status}`),
          progress,
        }),
      );
    }
    case "followup": {
      const open = await deps.core.listOpen(ctx);
      if (open.length === 0) return say(t(l, "command.no_open_items"));
      const lines = open.map((o) => {
        const due = o.deadline
          ? ` (${t(l, "summary.deadline")}: ${formatDate(l, o.deadline, ctx.workspace.timeZone)})`
          : "";
        return `• ${o.year}, ${o.described.label}: ${escapeMrkdwn(o.described.text)}${due}`;
      });
      for (const piece of splitText(`*${t(l, "command.open_items")}*\n${lines.join("\n")}`)) await say(piece);
      return;
    }
    case "summary": {
      const view = await deps.core.getSummary(ctx, parsed.year);
      const { text, pages } = summaryPages(view);
      for (const blocks of pages) await respond({ response_type: "ephemeral", text, blocks });
      return;
    }
    case "export": {
      await deps.core.sendExport(ctx, { channel: command.channel_id, year: parsed.year });
      return say(t(l, "command.export_sent", { year: parsed.year ?? new Date().getFullYear() }));
    }
    case "data": {
      const file = await deps.core.exportWorkspaceData(ctx);
      const dm = await client.conversations.open({ users: command.user_id });
      if (dm.channel?.id) await deps.core.deps.chatFor(ctx.workspace).sendFile(dm.channel.id, file);
      return;
    }
    case "delete": {
      if (parsed.code) {
        await deps.core.confirmDeletion(ctx, parsed.code);
        return say(t(l, "command.deleted"));
      }
      const { code, expiresAt } = await deps.core.requestDeletion(ctx);
      return say(
        t(l, "command.deletion_requested", {
          code,
          until: formatDateTime(l, expiresAt, ctx.workspace.timeZone),
        }),
      );
    }
  }
}
