import type { Ctx, Member } from "../../../src/app/index.ts";
import { ACTIONS, AppError, languageOf, problemText } from "../../../src/app/index.ts";
import { remindersFromForm, roundFromForm } from "../../../src/app/reminder-settings.ts";
import type { Language, Role } from "../../../src/domain/types.ts";
import { t } from "../../../src/i18n/index.ts";
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
  "employees",
  "timeZone",
  "language",
  "remindersOff",
  "prepareDays",
  "round",
];

type SetupMember = { userId: string; name: string; role: Role; joinedAmoOn: string | null };

/** The AMO as the card named it: the employer, then representatives and work leaders, each once. */
function membersFrom(
  inputs: Record<string, string>,
  roster: Person[],
  known: Member[],
  ctx: Ctx,
): SetupMember[] {
  const nameOf = (id: string) =>
    roster.find((p) => p.id === id)?.name ||
    known.find((m) => m.userId === id)?.name ||
    (id === ctx.actor.userId ? ctx.actor.name : id);
  const members: SetupMember[] = [];
  const add = (id: string | undefined, role: Role) => {
    const userId = id?.trim();
    if (!userId || members.some((m) => m.userId === userId)) return;
    const joined = known.find((m) => m.userId === userId)?.joinedAmoOn ?? null;
    members.push({ userId, name: nameOf(userId), role, joinedAmoOn: joined });
  };
  add(inputs.employer, "employer");
  for (const id of listed(inputs, "representatives")) add(id, "amo_representative");
  for (const id of listed(inputs, "leaders")) add(id, "work_leader");
  for (const id of listed(inputs, "employees")) add(id, "employee");
  return members;
}

const listed = (inputs: Record<string, string>, id: string) => (inputs[id] ?? "").split(",").filter(Boolean);

/** The core's problems under the card's inputs they concern. */
function setupErrors(problems: AppError["problems"], l: Language): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, problem] of Object.entries(problems)) {
    const id = field.startsWith("members")
      ? "employer"
      : field.startsWith("reminders")
        ? "reminders"
        : INPUTS.includes(field)
          ? field
          : "_";
    errors[id] ??= problemText(l, problem);
  }
  return errors;
}

/** Saves the setup; the conversation the card is in becomes the discussion's place. */
export async function saveSetup(args: ActionArgs): Promise<AdaptiveCard> {
  const { deps, ctx, inbound } = args;
  const l = languageOf(ctx);
  const { inputs } = readSubmit(args.data, ACTIONS.setup, INPUTS, l);
  const roster: Person[] = await inbound.roster().catch(() => []);
  const known = await deps.core.members(ctx);
  try {
    const { workspace, participation, warnings } = await deps.core.setupWorkspace(
      ctx,
      {
        headcount: inputs.headcount ?? "",
        timeZone: inputs.timeZone ?? "Europe/Copenhagen",
        language: (inputs.language ?? "da") as "da" | "en",
        defaultChannel: hostConversation(inbound) ?? ctx.workspace.defaultChannel,
        members: membersFrom(inputs, roster, known, ctx),
        reminders: remindersFromForm(listed(inputs, "remindersOff"), inputs.prepareDays),
        // A card drawn before the round had its options leaves them as they are.
        ...(inputs.round === undefined ? {} : { settings: roundFromForm(listed(inputs, "round")) }),
      } as never,
      args.key,
    );
    const lang = languageOf({ ...ctx, workspace });
    const done = t(lang, "command.setup_done", { participation: participation.description[lang] });
    return messageCard([done, ...warnings, t(lang, "setup.privacy")].join("\n\n"));
  } catch (error) {
    if (!(error instanceof AppError) || Object.keys(error.problems).length === 0) throw error;
    return setupCard(ctx.workspace, known, roster, {
      actorId: ctx.actor.userId,
      actorName: ctx.actor.name,
      canHost: hostConversation(inbound) !== null,
      language: l,
      errors: setupErrors(error.problems, l),
      values: inputs,
    });
  }
}
