import type { KnownBlock, View } from "@slack/types";
import { ACTIONS, type Member, type Workspace } from "../../../src/app/index.ts";
import {
  currentReminderChoices,
  currentRoundChoices,
  reminderChoices,
  roundChoices,
} from "../../../src/app/reminder-settings.ts";
import { setupGroups } from "../../../src/app/setup-groups.ts";
import type { Language } from "../../../src/domain/types.ts";
import { t } from "../../../src/i18n/index.ts";
import { clip, context, escapeMrkdwn } from "./mrkdwn.ts";

const ZONES = [
  "Europe/Copenhagen",
  "Atlantic/Faroe",
  "America/Nuuk",
  "Europe/Berlin",
  "Europe/London",
  "UTC",
];

const input = (id: string, label: string, element: Record<string, unknown>, optional = false): KnownBlock =>
  ({
    type: "input",
    block_id: id,
    optional,
    label: { type: "plain_text", text: label },
    element: { action_id: "value", ...element },
  }) as unknown as KnownBlock;

const option = (value: string, text: string) => ({
  text: { type: "plain_text", text: clip(text, 75) },
  value,
});

const modal = (
  callback: string,
  title: string,
  language: Language,
  blocks: KnownBlock[],
  metadata = "",
): View => ({
  type: "modal",
  callback_id: callback,
  private_metadata: metadata,
  title: { type: "plain_text", text: clip(title, 24) },
  submit: { type: "plain_text", text: clip(t(language, "form.submit"), 24) },
  close: { type: "plain_text", text: clip(t(language, "form.cancel"), 24) },
  blocks,
});

/**
 * Setup: headcount, the AMO members through user pickers, channel, time zone, language and reminders. Written in
 * `l`, the language of the person it is opened for; the workspace's own language stays its chosen value.
 */
export function setupModal(
  workspace: Workspace,
  members: Member[],
  channel: string | undefined,
  l: Language = workspace.language,
): View {
  return modal(ACTIONS.setup.id, t(l, "setup.title"), l, [
    ...peopleInputs(workspace, members, l),
    ...placeInputs(workspace, channel, l),
    ...reminderInputs(workspace, l),
    context(escapeMrkdwn(t(l, "setup.privacy"))),
  ]);
}

/** The headcount and who is who: the employer, the representatives and the work leaders. */
function peopleInputs(workspace: Workspace, members: Member[], l: Language) {
  const ids = (roles: string[]) => members.filter((m) => roles.includes(m.role)).map((m) => m.userId);
  const employer = ids(["employer", "employer_representative"])[0];
  return [
    input("headcount", t(l, "setup.headcount"), {
      type: "number_input",
      is_decimal_allowed: false,
      min_value: "1",
      ...(workspace.headcount ? { initial_value: String(workspace.headcount) } : {}),
    }),
    input("employer", t(l, "setup.employer"), {
      type: "users_select",
      ...(employer ? { initial_user: employer } : {}),
    }),
    ...setupGroups(workspace.headcount).map((g) =>
      input(g.id, t(l, g.label), { type: "multi_users_select", initial_users: ids([g.role]) }, true),
    ),
  ];
}

/** Where and how: the channel, the time zone and the language. */
function placeInputs(workspace: Workspace, channel: string | undefined, l: Language) {
  const defaultChannel = workspace.defaultChannel ?? channel;
  const zone = ZONES.includes(workspace.timeZone) ? workspace.timeZone : ZONES[0];
  return [
    input("channel", t(l, "setup.channel"), {
      type: "conversations_select",
      filter: { include: ["public", "private"], exclude_bot_users: true },
      ...(defaultChannel ? { initial_conversation: defaultChannel } : {}),
    }),
    input("timeZone", t(l, "setup.time_zone"), {
      type: "static_select",
      options: ZONES.map((z) => option(z, z)),
      initial_option: option(zone as string, zone as string),
    }),
    input("language", t(l, "setup.language"), {
      type: "static_select",
      options: [option("da", t(l, "language.da")), option("en", t(l, "language.en"))],
      initial_option: option(workspace.language, t(l, `language.${workspace.language}`)),
    }),
  ];
}

/** Which reminders are off, and how many days before the meeting the preparation reminder comes. */
function reminderInputs(workspace: Workspace, l: Language) {
  const current = currentReminderChoices(workspace);
  return [
    input(
      "remindersOff",
      t(l, "setup.reminders_off"),
      {
        type: "multi_static_select",
        options: reminderChoices(l).map((c) => option(c.value, c.label)),
        ...(current.off.length
          ? {
              initial_options: reminderChoices(l)
                .filter((c) => current.off.includes(c.value))
                .map((c) => option(c.value, c.label)),
            }
          : {}),
      },
      true,
    ),
    input(
      "prepareDays",
      t(l, "setup.prepare_days"),
      {
        type: "number_input",
        is_decimal_allowed: false,
        min_value: "0",
        max_value: "90",
        initial_value: String(current.prepareDays),
      },
      true,
    ),
    roundInput(workspace, l),
  ];
}

/** The preparation round's options: anonymous answers, and every employee asked. */
function roundInput(workspace: Workspace, l: Language) {
  const choices = roundChoices(l);
  const chosen = currentRoundChoices(workspace);
  return input(
    "round",
    t(l, "setup.round"),
    {
      type: "checkboxes",
      options: choices.map((c) => option(c.value, c.label)),
      ...(chosen.length
        ? {
            initial_options: choices
              .filter((c) => chosen.includes(c.value))
              .map((c) => option(c.value, c.label)),
          }
        : {}),
    },
    true,
  );
}

/** Planning: date, time, duration, place or link, participants and channel. */
export function planModal(
  workspace: Workspace,
  channel: string | undefined,
  l: Language = workspace.language,
): View {
  const defaultChannel = workspace.defaultChannel ?? channel;
  return modal(ACTIONS.plan.id, t(l, "plan.title"), l, [
    input("date", t(l, "plan.date"), { type: "datepicker" }),
    input("time", t(l, "plan.time"), { type: "timepicker", initial_time: "10:00" }),
    input(
      "duration",
      t(l, "plan.duration"),
      { type: "number_input", is_decimal_allowed: false, min_value: "15", initial_value: "120" },
      true,
    ),
    input("location", t(l, "plan.location"), { type: "plain_text_input", max_length: 500 }, true),
    input("participants", t(l, "plan.participants"), { type: "multi_users_select" }, true),
    input("standIn", t(l, "plan.stand_in"), { type: "users_select" }, true),
    input("channel", t(l, "plan.channel"), {
      type: "conversations_select",
      filter: { include: ["public", "private"], exclude_bot_users: true },
      ...(defaultChannel ? { initial_conversation: defaultChannel } : {}),
    }),
  ]);
}

/** Why the discussion is concluded although something is missing. */
export function concludeReasonModal(language: Language, metadata: string): View {
  return modal(
    ACTIONS.concludeReason.id,
    t(language, "conclude.title"),
    language,
    [
      input("reason", t(language, "conclude.reason"), {
        type: "plain_text_input",
        multiline: true,
        max_length: 1000,
      }),
    ],
    metadata,
  );
}

/** A new deadline for a decision or goal. */
export function postponeModal(language: Language, metadata: string): View {
  return modal(
    ACTIONS.savePostpone.id,
    t(language, "button.postpone"),
    language,
    [input("deadline", t(language, "form.deadline"), { type: "datepicker" })],
    metadata,
  );
}

/** Input to any agenda point before the meeting. */
export function preInputModal(
  language: Language,
  metadata: string,
  points: { number: number; title: string }[],
  text = "",
): View {
  return modal(
    ACTIONS.saveEntry.id,
    t(language, "command.pre_input_title"),
    language,
    [
      input("point", t(language, "command.pre_input_point"), {
        type: "static_select",
        options: points.map((p) => option(String(p.number), `${p.number}. ${p.title}`)),
      }),
      input("text", t(language, "form.note.text"), {
        type: "plain_text_input",
        multiline: true,
        max_length: 3000,
        ...(text ? { initial_value: text.slice(0, 3000) } : {}),
      }),
    ],
    metadata,
  );
}
