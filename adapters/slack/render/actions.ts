import { type Payload, parsePayload, type UserAction } from "../../../src/app/index.ts";

/** A button's value (or a modal's private_metadata): what its action's schema accepts, as JSON. */
export const encodeValue = <A extends UserAction>(_action: A, value: Payload<A>) => JSON.stringify(value);

/**
 * Values drawn before the one catalogue of actions, which reminder DMs posted months ago still carry. The ids have
 * not changed on Slack; only these shapes have.
 */
const OLD_VALUES: ((value: Record<string, unknown>) => Record<string, unknown>)[] = [
  // Deadline reminders (entry_done, entry_postpone) and the postpone modal carried an empty discussion beside the entry.
  (value) => {
    if (value.d !== "" || !("e" in value)) return value;
    const { d: _, ...rest } = value;
    return rest;
  },
];

/** A button's value as its action's schema reads it; null when it is not one this app drew. */
export function decodeValue<A extends UserAction>(action: A, raw: string | undefined): Payload<A> | null {
  if (!raw || raw.length > 2000) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const current = OLD_VALUES.reduce((v, upgrade) => upgrade(v), value as Record<string, unknown>);
  return parsePayload(action, current);
}
