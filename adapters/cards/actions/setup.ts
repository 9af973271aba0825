import { AppError, problemText } from "../../../src/app/index.ts";
import { remindersFromForm } from "../../../src/app/reminder-settings.ts";
import type { Role } from "../../../src/domain/types.ts";
import { t } from "../../../src/i18n/index.ts";
import { repos } from "../../../src/store/index.ts";
import type { AdaptiveCard } from "../draw/card.ts";
import { messageCard } from "../draw/other.ts";
import { type Person, setupCard } from "../draw/setup.ts";
import { hostConversation } from "../inbound.ts";
import type { ActionArgs } from "./shared.ts";
import { readSubmit } from "./submit.ts";

const INPUTS = [
  "headcount",
  "employer",
  "representatives",
  "leaders",
  "timeZone",
  "language",
  "remindersOff",
  "prepareDays",
];

/** Saves the setup; the conversation the card is in becomes the discussion's place. */
export async function saveSetup(args: ActionArgs): Promise<AdaptiveCard> {
  const { deps, ctx, inbound } = args;
  const l = ctx.workspace.language;
  const { inputs } = readSubmit(args.data, { meta: {}, required: [], inputs: INPUTS }, l);
  const roster: Person[] = await inbound.roster().catch(() => []);
  const known = await repos(deps.core.deps.db).members.list(ctx.workspace.id);
  const nameOf = (id: string) =>
    roster.find((p) => p.id === id)?.name ||
    known.find((m) => m.userId === id)?.name ||
    (id === ctx.actor.userId ? ctx.actor.name : id);
  const members: { userId: string; name: string; role: Role; joinedAmoOn: string | null }[] = [];
  const add = (id: string | undefined, role: Role) => {
    const userId = id?.trim();
    if (!userId || members.some((m) => m.userId === userId)) return;
    const joined = known.find((m) => m.userId === userId)?.joinedAmoOn ?? null;
    members.push({ userId, name: nameOf(userId), role, joinedAmoOn: joined });
  };
  const list = (id: string) => (inputs[id] ?? "").split(",").filter(Boolean);
  add(inputs.employer, "employer");
  for (const id of list("representatives")) add(id, "amo_representative");
  for (const id of list("leaders")) add(id, "work_leader");
  const channel = hostConversation(inbound) ?? ctx.workspace.defaultChannel;
  try {
    const { workspace, participation } = await deps.core.setupWorkspace(
      ctx,
      {
        headcount: inputs.headcount ?? "",
        timeZone: inputs.timeZone ?? "Europe/Copenhagen",
        language: (inputs.language ?? "da") as "da" | "en",
        defaultChannel: channel,
        members,
        reminders: remindersFromForm(list("remindersOff"), inputs.prepareDays),
      } as never,
      args.key,
    );
    const lang = workspace.language;
    return messageCard(
      `${t(lang, "command.setup_done", { participation: participation.description[lang] })}\n\n${t(lang, "setup.privacy")}`,
    );
  } catch (error) {
    if (!(error instanceof AppError) || Object.keys(error.problems).length === 0) throw error;
    const errors: Record<string, string> = {};
    for (const [field, problem] of Object.entries(error.problems)) {
      const id = field.startsWith("members")
        ? "employer"
        : field.startsWith("reminders")
          ? "reminders"
          : INPUTS.includes(field)
            ? field
            : "_";
      errors[id] ??= problemText(l, problem);
    }
    return setupCard(ctx.workspace, known, roster, {
      actorId: ctx.actor.userId,
      actorName: ctx.actor.name,
      canHost: hostConversation(inbound) !== null,
      errors,
      values: inputs,
    });
  }
}
