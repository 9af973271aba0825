import { parseCommand } from "../../../src/app/commands.ts";
import { helpText } from "../../../src/app/help.ts";
import type { Ctx } from "../../../src/app/index.ts";
import { AppError, errorText } from "../../../src/app/index.ts";
import { formatDate, formatDateTime, t } from "../../../src/i18n/index.ts";
import { repos } from "../../../src/store/index.ts";
import { planCard, setupCard } from "../cards/setup.ts";
import { summaryCards } from "../cards/summary.ts";
import { failureText, hostConversation, type TeamsDeps } from "../context.ts";
import type { Inbound } from "../turn.ts";

/** How the help text names the command in Teams. */
export const COMMAND_NAME = "@Arbejdsmiljø";

/**
 * A message: a reply in an agenda point's thread becomes a note; otherwise, when the bot is addressed (an @mention,
 * the command menu, or any message in a personal chat), the text is a command.
 */
export async function onMessage(deps: TeamsDeps, ctx: Ctx, inbound: Inbound): Promise<void> {
  const l = ctx.workspace.language;
  const addressed = inbound.mentioned || inbound.conversation.kind === "personal";
  const parsed = parseCommand(inbound.text);
  try {
    if (inbound.conversation.threadId && !(addressed && parsed.type !== "unknown")) {
      const recorded = await deps.core.recordThreadReply(ctx, {
        channel: inbound.conversation.id,
        threadId: inbound.conversation.threadId,
        messageId: inbound.activityId,
        text: inbound.text,
      });
      if (recorded || !addressed) return;
    }
    if (!addressed) return;
    await command(deps, ctx, inbound);
  } catch (error) {
    const text = error instanceof AppError ? errorText(l, error) : failureText(deps, l, error);
    await inbound.reply({ text, cards: [] });
  }
}

async function command(deps: TeamsDeps, ctx: Ctx, inbound: Inbound): Promise<void> {
  const l = ctx.workspace.language;
  const say = (text: string) => inbound.reply({ text, cards: [] });
  const parsed = parseCommand(inbound.text);
  switch (parsed.type) {
    case "help":
      return say(helpText(l, COMMAND_NAME));
    case "unknown":
      return say(helpText(l, COMMAND_NAME, t(l, "command.unknown", { word: parsed.word })));
    case "bad_argument":
      return say(helpText(l, COMMAND_NAME, t(l, "command.bad_argument", { argument: parsed.argument })));
    case "setup": {
      await deps.core.checkSetupAccess(ctx);
      const members = await repos(deps.core.deps.db).members.list(ctx.workspace.id);
      const roster = await inbound.roster().catch(() => [{ id: inbound.user.id, name: inbound.user.name }]);
      const canHost = hostConversation(inbound) !== null;
      return inbound.reply({
        cards: [
          setupCard(ctx.workspace, members, roster, {
            actorId: ctx.actor.userId,
            actorName: ctx.actor.name,
            canHost,
          }),
        ],
      });
    }
    case "plan": {
      if (ctx.workspace.headcount === null) return say(t(l, "error.not_set_up"));
      const roster = await inbound.roster().catch(() => [{ id: inbound.user.id, name: inbound.user.name }]);
      return inbound.reply({ cards: [planCard(l, roster)] });
    }
    case "start": {
      const channel = hostConversation(inbound);
      if (!channel && !ctx.workspace.defaultChannel) return say(t(l, "command.no_channel"));
      await deps.core.start(ctx, { channel }, `teams:${inbound.activityId}`);
      return say(t(l, "command.started"));
    }
    case "status": {
      const report = await deps.core.status(ctx, parsed.year);
      if (!report.discussion) return say(t(l, "command.status_none", { year: report.year }));
      const missing = report.completeness?.legal.map((r) => `• ${t(l, `legal.${r}`)}`) ?? [];
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
        return `• ${o.year}, ${o.described.label}: ${o.described.text}${due}`;
      });
      return say(`${t(l, "command.open_items")}\n${lines.join("\n")}`);
    }
    case "summary": {
      const view = await deps.core.getSummary(ctx, parsed.year);
      return inbound.reply({ cards: summaryCards(view) });
    }
    case "export": {
      const files = await deps.core.exportYear(ctx, parsed.year);
      const chat = deps.chat(ctx.workspace);
      for (const file of files) await chat.sendFile(inbound.conversation.id, file);
      const year = parsed.year ?? new Date().getFullYear();
      return say(t(l, "command.export_sent", { year }));
    }
    case "data": {
      if (inbound.conversation.kind !== "personal") return say(t(l, "teams.data_personal_only"));
      const file = await deps.core.exportWorkspaceData(ctx);
      await deps.chat(ctx.workspace).sendFile(inbound.conversation.id, file);
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
