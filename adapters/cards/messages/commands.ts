import type { Command } from "../../../src/app/commands.ts";
import { helpText } from "../../../src/app/help.ts";
import { AppError, type Ctx, checkText, languageOf } from "../../../src/app/index.ts";
import { formatDateTime } from "../../../src/i18n/index.ts";
import { followUpCards } from "../draw/followup.ts";
import { planCard, setupCard } from "../draw/setup.ts";
import { summaryCards } from "../draw/summary.ts";
import { type CardDeps, hostConversation, type Inbound, keyOf } from "../inbound.ts";
import { t } from "../texts.ts";

interface Asked {
  deps: CardDeps;
  ctx: Ctx;
  inbound: Inbound;
}

type Answer = (asked: Asked, command: Command) => Promise<void>;

/** The year a command names (`status 2025`), if any; its own default otherwise. */
const yearOf = (command: Command) => ("year" in command ? command.year : undefined);

const say = ({ inbound }: Asked, text: string) => inbound.reply({ text, cards: [] });
const rosterOf = ({ inbound }: Asked) =>
  inbound.roster().catch(() => [{ id: inbound.user.id, name: inbound.user.name }]);

const help: Answer = async (asked, command) => {
  const l = languageOf(asked.ctx);
  const lead =
    command.type === "unknown"
      ? t(l, "command.unknown", { word: command.word })
      : command.type === "bad_argument"
        ? t(l, "command.bad_argument", { argument: command.argument })
        : undefined;
  await say(asked, helpText(l, asked.deps.commandName, lead));
};

const setup: Answer = async (asked) => {
  const { deps, ctx, inbound } = asked;
  await deps.core.checkSetupAccess(ctx);
  const members = await deps.core.members(ctx);
  const who = {
    actorId: ctx.actor.userId,
    actorName: ctx.actor.name,
    canHost: hostConversation(inbound) !== null,
    language: languageOf(ctx),
  };
  await inbound.reply({ cards: [setupCard(ctx.workspace, members, await rosterOf(asked), who)] });
};

const plan: Answer = async (asked) => {
  const l = languageOf(asked.ctx);
  if (asked.ctx.workspace.headcount === null)
    return say(asked, t(l, "error.not_set_up", { command: asked.deps.commandName }));
  await asked.deps.core.checkPlanAccess(asked.ctx);
  await asked.inbound.reply({ cards: [planCard(l, await rosterOf(asked))] });
};

const start: Answer = async (asked) => {
  const { deps, ctx, inbound } = asked;
  const l = languageOf(ctx);
  const channel = hostConversation(inbound);
  if (!channel && !ctx.workspace.defaultChannel) return say(asked, t(l, "command.no_channel"));
  await deps.core.start(ctx, { channel }, keyOf(ctx, inbound));
  await say(asked, t(l, "command.started"));
};

const status: Answer = async (asked, command) => {
  const l = languageOf(asked.ctx);
  const report = await asked.deps.core.status(asked.ctx, yearOf(command));
  if (!report.discussion)
    return say(asked, t(l, "command.status_none", { year: report.year, command: asked.deps.commandName }));
  const progress = report.completeness ? checkText(l, report.completeness) : t(l, "completeness.all_good");
  const state = t(l, `status.${report.discussion.status}`);
  await say(asked, t(l, "command.status", { year: report.year, status: state, progress }));
};

const followup: Answer = async (asked) => {
  const { deps, ctx } = asked;
  const l = languageOf(ctx);
  const open = await deps.core.listOpen(ctx);
  if (open.length === 0) return say(asked, t(l, "command.no_open_items"));
  await asked.inbound.reply({ cards: followUpCards(l, ctx.workspace.timeZone, open) });
};

const summary: Answer = async (asked, command) => {
  const view = await asked.deps.core.getSummary(asked.ctx, yearOf(command));
  const note = asked.deps.summaryNote?.(view.language, asked.inbound.conversation);
  await asked.inbound.reply({ cards: summaryCards(view, undefined, note) });
};

const exportYear: Answer = async (asked, command) => {
  const { deps, ctx, inbound } = asked;
  const { year, files } = await deps.core.exportYear(ctx, yearOf(command));
  const chat = deps.chat(ctx.workspace);
  for (const file of files) await chat.sendFile(inbound.conversation.id, file);
  await say(asked, t(languageOf(ctx), "command.export_sent", { year }));
};

const data: Answer = async (asked) => {
  const { deps, ctx, inbound } = asked;
  if (inbound.conversation.kind !== "personal")
    return say(asked, t(languageOf(ctx), "teams.data_personal_only"));
  const file = await deps.core.exportWorkspaceData(ctx);
  await deps.chat(ctx.workspace).sendFile(inbound.conversation.id, file);
};

/**
 * The inspection folder, privately to the one who asked (the employer's side and the AMO only, the core checks): it
 * holds names, training and the audit log, and a link in a channel would open for everyone in it.
 */
const inspection: Answer = async (asked) => {
  const { deps, ctx } = asked;
  const l = languageOf(ctx);
  const files = await deps.core.inspectionFiles(ctx);
  const chat = deps.chat(ctx.workspace);
  const text = { kind: "text" as const, view: { language: l, text: t(l, "command.inspection_sent") } };
  const direct = await chat.sendDirect(ctx.actor.userId, text);
  if (!direct) throw new AppError("temporary", "error.temporary");
  for (const file of files) await chat.sendFile(direct.channel, file, direct);
  if (asked.inbound.conversation.kind !== "personal")
    await say(asked, t(l, "command.inspection_sent_privately"));
};

const remove: Answer = async (asked, command) => {
  const { deps, ctx } = asked;
  const l = languageOf(ctx);
  const confirmed = "code" in command ? command.code : undefined;
  if (confirmed) {
    await deps.core.confirmDeletion(ctx, confirmed);
    return say(asked, t(l, "command.deleted"));
  }
  const { code, expiresAt } = await deps.core.requestDeletion(ctx);
  const until = formatDateTime(l, expiresAt, ctx.workspace.timeZone);
  await say(asked, t(l, "command.deletion_requested", { code, until }));
};

/** Each command's answer, by the command's type (the help also answers what is not a command). */
const ANSWERS: Record<Command["type"], Answer> = {
  help,
  unknown: help,
  bad_argument: help,
  setup,
  plan,
  start,
  status,
  followup,
  summary,
  export: exportYear,
  inspection,
  data,
  delete: remove,
};

/** Answers a command addressed to the bot, in the conversation it came from. */
export function runCommand(asked: Asked, command: Command): Promise<void> {
  return ANSWERS[command.type](asked, command);
}
