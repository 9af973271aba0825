import type { KnownBlock, View } from "@slack/types";
import type { FieldSpec, FormSpec } from "../../../src/app/forms.ts";
import type { Language } from "../../../src/domain/types.ts";
import { isMessageKey, t } from "../texts.ts";
import { clip, context, escapeMrkdwn, header, LIMITS } from "./mrkdwn.ts";

/** The element inside each input block is always called "value"; the block id is the field's id. */
export const VALUE = "value";
/** The block beside a people picker where names outside Slack are written. */
export const NAMES_SUFFIX = ".names";
/** Slack's limit for a plain text input. */
const NAMES_MAX = 3000;

function element(field: FieldSpec, initial: unknown): Record<string, unknown> {
  switch (field.type) {
    case "text":
      return {
        type: "plain_text_input",
        action_id: VALUE,
        multiline: field.multiline,
        max_length: field.maxLength,
        ...(typeof initial === "string" && initial
          ? { initial_value: initial.slice(0, field.maxLength) }
          : {}),
      };
    case "number":
      return {
        type: "number_input",
        action_id: VALUE,
        is_decimal_allowed: false,
        min_value: "0",
        ...(initial !== undefined && initial !== null ? { initial_value: String(initial) } : {}),
      };
    case "date":
      return {
        type: "datepicker",
        action_id: VALUE,
        ...(typeof initial === "string" && initial ? { initial_date: initial } : {}),
      };
    case "select": {
      const options = field.options.map((o) => ({
        text: { type: "plain_text", text: clip(o.label, LIMITS.optionChars) },
        value: o.value,
      }));
      const chosen = options.find((o) => o.value === String(initial));
      return {
        type: "static_select",
        action_id: VALUE,
        options,
        ...(chosen ? { initial_option: chosen } : {}),
      };
    }
    case "person": {
      const id = (initial as { id?: string } | undefined)?.id;
      return { type: "users_select", action_id: VALUE, ...(id ? { initial_user: id } : {}) };
    }
    case "people": {
      const people = Array.isArray(initial) ? (initial as { id?: string }[]) : field.suggested;
      const ids = people.map((p) => p.id).filter((id) => id !== undefined);
      return {
        type: "multi_users_select",
        action_id: VALUE,
        ...(ids.length > 0 ? { initial_users: ids } : {}),
      };
    }
  }
}

/** Beside a people picker, the names of those Slack does not know (guests, colleagues without an account). */
function namesBlock(field: FieldSpec & { type: "people" }, initial: unknown, language: Language): KnownBlock {
  const people = Array.isArray(initial) ? (initial as { id?: string; name: string }[]) : field.suggested;
  const all = people
    .filter((p) => !p.id)
    .map((p) => p.name)
    .join(", ");
  // Slack refuses a modal whose initial value is longer than the box allows: cut at the last whole name.
  const names = all.length <= NAMES_MAX ? all : all.slice(0, all.lastIndexOf(", ", NAMES_MAX));
  return {
    type: "input",
    block_id: `${field.id}${NAMES_SUFFIX}`,
    optional: true,
    label: { type: "plain_text", text: clip(t(language, "slack.people_by_name"), LIMITS.labelChars) },
    element: {
      type: "plain_text_input",
      action_id: VALUE,
      max_length: NAMES_MAX,
      ...(names ? { initial_value: names } : {}),
    },
  } as unknown as KnownBlock;
}

/** Slack allows 24 characters in a modal's title: a longer one has a short version in the catalogue. */
function modalTitle(spec: FormSpec, language: Language): string {
  if (spec.title.length <= LIMITS.modalTitleChars) return spec.title;
  const key = `slack.modal_title.${spec.kind}`;
  return clip(isMessageKey(key) ? t(language, key) : spec.title, LIMITS.modalTitleChars);
}

/** A form as a modal; `metadata` travels with it and comes back on submit. */
export function formModal(
  spec: FormSpec,
  callbackId: string,
  metadata: string,
  language: Language,
  values: Record<string, unknown> = {},
): View {
  const blocks: KnownBlock[] = [];
  const title = modalTitle(spec, language);
  if (title !== spec.title) blocks.push(header(spec.title));
  if (spec.intro) blocks.push(context(escapeMrkdwn(spec.intro)));
  for (const field of spec.fields.slice(0, LIMITS.blocksPerModal - blocks.length)) {
    blocks.push({
      type: "input",
      block_id: field.id,
      optional: !field.required,
      label: { type: "plain_text", text: clip(field.label, LIMITS.labelChars) },
      ...(field.hint ? { hint: { type: "plain_text", text: clip(field.hint, LIMITS.labelChars) } } : {}),
      element: element(field, values[field.id]),
    } as unknown as KnownBlock);
    if (field.type === "people") blocks.push(namesBlock(field, values[field.id], language));
  }
  return {
    type: "modal",
    callback_id: callbackId,
    private_metadata: metadata,
    title: { type: "plain_text", text: title },
    submit: { type: "plain_text", text: clip(spec.submit, 24) },
    close: { type: "plain_text", text: clip(t(language, "form.cancel"), 24) },
    blocks,
  };
}

type StateValue = {
  type?: string;
  value?: string | null;
  selected_date?: string | null;
  selected_time?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[] | null;
  selected_user?: string | null;
  selected_users?: string[] | null;
  selected_conversation?: string | null;
  selected_channel?: string | null;
};

/**
 * Reads one submitted element's value as text, whatever kind of element it is. A value that is not text (a forged
 * number, object or list) counts as empty, so the form's validation answers it field by field.
 */
export function stateValue(v: StateValue | undefined): string | null {
  if (!v) return null;
  const value =
    v.value ??
    v.selected_date ??
    v.selected_time ??
    v.selected_option?.value ??
    v.selected_user ??
    v.selected_conversation ??
    v.selected_channel ??
    null;
  return typeof value === "string" ? value : null;
}

export type ViewState = Record<string, Record<string, StateValue>>;

export const fieldState = (state: ViewState, blockId: string) => state[blockId]?.[VALUE];
