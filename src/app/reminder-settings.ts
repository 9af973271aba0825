import type { Workspace } from "../domain/entities.ts";
import { type RoundSettings, roundSettings } from "../domain/round.ts";
import type { Language } from "../domain/types.ts";
import { type MessageKey, t } from "../i18n/index.ts";
import { REMINDER_KINDS, type ReminderKind, reminderSetting } from "../scheduler/plan.ts";

/** The reminder kinds as choices for a setup form, in the user's language. */
export function reminderChoices(language: Language): { value: ReminderKind; label: string }[] {
  return REMINDER_KINDS.map((kind) => ({
    value: kind,
    label: t(language, `reminderkind.${kind}` as MessageKey),
  }));
}

/** What the setup form shows now: the kinds turned off, and the preparation reminder's lead time in days. */
export function currentReminderChoices(workspace: Workspace): { off: ReminderKind[]; prepareDays: number } {
  return {
    off: REMINDER_KINDS.filter((kind) => !reminderSetting(workspace, kind).enabled),
    prepareDays: reminderSetting(workspace, "meeting.prepare").daysBefore,
  };
}

/** The setup form's answers as the reminders setting (the core validates it). */
export function remindersFromForm(off: readonly string[], prepareDays: string | number | null | undefined) {
  const reminders: Record<string, { enabled?: boolean; daysBefore?: number }> = {};
  for (const kind of off) reminders[kind] = { enabled: false };
  if (prepareDays !== null && prepareDays !== undefined && prepareDays !== "") {
    reminders["meeting.prepare"] = { ...reminders["meeting.prepare"], daysBefore: Number(prepareDays) };
  }
  return reminders;
}

const ROUND_CHOICES = ["anonymous", "everyone"] as const;

/** The preparation round's options as choices for a setup form. */
export function roundChoices(language: Language): { value: string; label: string }[] {
  return ROUND_CHOICES.map((value) => ({ value, label: t(language, `setup.round.${value}`) }));
}

/** The round's options chosen now. */
export function currentRoundChoices(workspace: Workspace): string[] {
  const settings = roundSettings(workspace.settings);
  return ROUND_CHOICES.filter((c) => settings[c]);
}

/** The setup form's round options as the settings they set. */
export function roundFromForm(chosen: readonly string[]): { round: RoundSettings } {
  return { round: { anonymous: chosen.includes("anonymous"), everyone: chosen.includes("everyone") } };
}
