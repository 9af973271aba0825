import { ACTIONS, type Member, type Workspace } from "../../../src/app/index.ts";
import {
  currentReminderChoices,
  currentRoundChoices,
  reminderChoices,
  roundChoices,
} from "../../../src/app/reminder-settings.ts";
import { setupGroups } from "../../../src/app/setup-groups.ts";
import type { Language } from "../../../src/domain/types.ts";
import { t } from "../texts.ts";
import {
  type AdaptiveCard,
  card,
  type Element,
  escapeMd,
  execute,
  heading,
  notice,
  subtle,
  textBlock,
} from "./card.ts";
import { INPUT } from "./form.ts";

export const ZONES = [
  "Europe/Copenhagen",
  "Atlantic/Faroe",
  "America/Nuuk",
  "Europe/Berlin",
  "Europe/London",
  "UTC",
];

export interface Person {
  id: string;
  name: string;
}

const choices = (people: Person[]) =>
  people.map((p) => ({ title: (p.name || p.id).slice(0, 200), value: p.id }));

const errorLine = (errors: Record<string, string>, id: string): Element[] =>
  errors[id]
    ? [textBlock(escapeMd(errors[id] as string), { color: "attention", size: "Small", spacing: "None" })]
    : [];

export interface SetupCardOptions {
  actorId: string;
  actorName: string;
  canHost: boolean;
  errors?: Record<string, string>;
  values?: Record<string, string>;
  /** The language the card is written in (where only its sender sees it, theirs); by default the workspace's. */
  language?: Language;
}

/** The setup's inputs about the workplace: its headcount and its people by role, chosen from `people`. */
function workplaceInputs(
  workspace: Workspace,
  members: Member[],
  people: Person[],
  options: SetupCardOptions,
): Element[] {
  const l = options.language ?? workspace.language;
  const errors = options.errors ?? {};
  // The person setting up can always be chosen, also where the team's member list could not be read.
  const choosable = people.some((p) => p.id === options.actorId)
    ? people
    : [{ id: options.actorId, name: options.actorName }, ...people];
  const ids = (roles: string[]) => members.filter((m) => roles.includes(m.role)).map((m) => m.userId);
  const value = (id: string, fallback: string | undefined) => options.values?.[id] ?? fallback;
  const employer = value("employer", ids(["employer", "employer_representative"])[0] ?? options.actorId);
  const headcount = value("headcount", workspace.headcount ? String(workspace.headcount) : undefined);
  const many = (
    id: string,
    key: "setup.representatives" | "setup.leaders" | "setup.employees",
    role: string,
  ) => ({
    type: "Input.ChoiceSet",
    id: `${INPUT}${id}`,
    label: t(l, key),
    isMultiSelect: true,
    style: "filtered",
    choices: choices(choosable),
    value: value(id, ids([role]).join(",")),
  });
  return [
    {
      type: "Input.Number",
      id: `${INPUT}headcount`,
      label: t(l, "setup.headcount"),
      min: 1,
      isRequired: true,
      errorMessage: t(l, "problem.required"),
      ...(headcount ? { value: Number(headcount) } : {}),
    },
    ...errorLine(errors, "headcount"),
    {
      type: "Input.ChoiceSet",
      id: `${INPUT}employer`,
      label: t(l, "setup.employer"),
      style: "filtered",
      isRequired: true,
      errorMessage: t(l, "problem.required"),
      choices: choices(choosable),
      ...(employer ? { value: employer } : {}),
    },
    ...errorLine(errors, "employer"),
    ...setupGroups(workspace.headcount).map((g) => many(g.id, g.label, g.role)),
  ];
}

/** The setup's inputs about how the bot speaks: time zone, language and reminders. */
function settingInputs(workspace: Workspace, options: SetupCardOptions): Element[] {
  const l = options.language ?? workspace.language;
  const errors = options.errors ?? {};
  const value = (id: string, fallback: string | undefined) => options.values?.[id] ?? fallback;
  const zone = value("timeZone", ZONES.includes(workspace.timeZone) ? workspace.timeZone : ZONES[0]);
  const reminders = currentReminderChoices(workspace);
  return [
    {
      type: "Input.ChoiceSet",
      id: `${INPUT}timeZone`,
      label: t(l, "setup.time_zone"),
      style: "compact",
      choices: ZONES.map((z) => ({ title: z, value: z })),
      value: zone,
    },
    ...errorLine(errors, "timeZone"),
    {
      type: "Input.ChoiceSet",
      id: `${INPUT}language`,
      label: t(l, "setup.language"),
      style: "compact",
      choices: (["da", "en"] as Language[]).map((x) => ({ title: t(l, `language.${x}`), value: x })),
      value: value("language", workspace.language),
    },
    {
      type: "Input.ChoiceSet",
      id: `${INPUT}remindersOff`,
      label: t(l, "setup.reminders_off"),
      isMultiSelect: true,
      choices: reminderChoices(l).map((c) => ({ title: c.label, value: c.value })),
      value: value("remindersOff", reminders.off.join(",")),
    },
    {
      type: "Input.Number",
      id: `${INPUT}prepareDays`,
      label: t(l, "setup.prepare_days"),
      min: 0,
      max: 90,
      value: Number(value("prepareDays", String(reminders.prepareDays))),
    },
    {
      type: "Input.ChoiceSet",
      id: `${INPUT}round`,
      label: t(l, "setup.round"),
      isMultiSelect: true,
      style: "expanded",
      choices: roundChoices(l).map((c) => ({ title: c.label, value: c.value })),
      value: value("round", currentRoundChoices(workspace).join(",")),
    },
    ...errorLine(errors, "reminders"),
  ];
}

/**
 * Setup: headcount, the AMO members chosen from the conversation's members, time zone and language. The
 * discussion's place is the conversation the card was sent in.
 */
export function setupCard(
  workspace: Workspace,
  members: Member[],
  roster: Person[],
  options: SetupCardOptions,
): AdaptiveCard {
  const l = options.language ?? workspace.language;
  // Members already set up stay choosable even when they are not in this conversation's roster.
  const people = [...roster];
  for (const m of members)
    if (!people.some((p) => p.id === m.userId)) people.push({ id: m.userId, name: m.name });
  const body: Element[] = [heading(t(l, "setup.title"))];
  if (options.errors?._) body.push(notice(options.errors._));
  body.push(
    ...workplaceInputs(workspace, members, people, options),
    ...settingInputs(workspace, options),
    subtle(t(l, options.canHost ? "teams.setup_channel" : "teams.setup_no_channel")),
    subtle(t(l, "setup.privacy")),
  );
  return card(body, [execute(t(l, "form.submit"), ACTIONS.setup, {}, "positive")]);
}

/** Planning: date, time, duration, place or link, and participants from the conversation's members. */
export function planCard(
  language: Language,
  roster: Person[],
  options: { errors?: Record<string, string>; values?: Record<string, string> } = {},
): AdaptiveCard {
  const l = language;
  const errors = options.errors ?? {};
  const v = options.values ?? {};
  const body: Element[] = [heading(t(l, "plan.title"))];
  if (errors._) body.push(notice(errors._));
  body.push(
    {
      type: "Input.Date",
      id: `${INPUT}date`,
      label: t(l, "plan.date"),
      isRequired: true,
      errorMessage: t(l, "problem.required"),
      ...(v.date ? { value: v.date } : {}),
    },
    ...errorLine(errors, "date"),
    {
      type: "Input.Time",
      id: `${INPUT}time`,
      label: t(l, "plan.time"),
      isRequired: true,
      errorMessage: t(l, "problem.required"),
      value: v.time ?? "10:00",
    },
    ...errorLine(errors, "time"),
    {
      type: "Input.Number",
      id: `${INPUT}duration`,
      label: t(l, "plan.duration"),
      min: 15,
      max: 600,
      value: Number(v.duration ?? 120),
    },
    ...errorLine(errors, "durationMinutes"),
    {
      type: "Input.Text",
      id: `${INPUT}location`,
      label: t(l, "plan.location"),
      maxLength: 500,
      ...(v.location ? { value: v.location } : {}),
    },
    ...errorLine(errors, "location"),
  );
  // A chat whose members could not be listed offers no participants to choose (the members are the default).
  if (roster.length > 0) {
    body.push({
      type: "Input.ChoiceSet",
      id: `${INPUT}participants`,
      label: t(l, "plan.participants"),
      isMultiSelect: true,
      style: "filtered",
      choices: choices(roster),
      ...(v.participants ? { value: v.participants } : {}),
    });
    body.push({
      type: "Input.ChoiceSet",
      id: `${INPUT}standIn`,
      label: t(l, "plan.stand_in"),
      style: "filtered",
      choices: choices(roster),
      ...(v.standIn ? { value: v.standIn } : {}),
    });
  }
  return card(body, [execute(t(l, "form.submit"), ACTIONS.plan, {}, "positive")]);
}
