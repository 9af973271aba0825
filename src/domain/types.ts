export type Language = "da" | "en";
export const LANGUAGES: readonly Language[] = ["da", "en"];

/** A text in every language the bot speaks. */
export type Localized<T = string> = Record<Language, T>;

/** A chat platform's id: an open string, since each adapter brings its own (adapters/index.ts lists them). */
export type PlatformId = string;

export const ROLES = [
  "employer",
  "employer_representative",
  "amo_representative",
  "work_leader",
  "employee",
  "other",
] as const;
export type Role = (typeof ROLES)[number];

export const DISCUSSION_STATUSES = ["planned", "running", "concluded", "approved"] as const;
export type DiscussionStatus = (typeof DISCUSSION_STATUSES)[number];

export const POINT_STATUSES = ["pending", "active", "done", "skipped"] as const;
export type PointStatus = (typeof POINT_STATUSES)[number];

export const AGENDA_KEYS = [
  "minute_taker",
  "new_amo_members",
  "management_announcements",
  "apv",
  "instruction",
  "accidents",
  "past_year",
  "coming_year",
  "cooperation",
  "competences",
  "any_other_business",
] as const;
export type AgendaKey = (typeof AGENDA_KEYS)[number];
