import type { KnownBlock, View } from "@slack/types";
import type { Language } from "../../../src/domain/types.ts";
import { t } from "../texts.ts";
import { VALUE, type ViewState } from "./forms.ts";
import { clip, escapeMrkdwn, LIMITS } from "./mrkdwn.ts";

/** The "Gem alligevel" checkbox a modal gains after its health warning, and the warning above the fields. */
export const HEALTH_BLOCK = "health_confirm";
const WARNING_BLOCK = "health_warning";
const YES = "yes";

type Block = Record<string, unknown> & {
  type?: string;
  block_id?: string;
  element?: Record<string, unknown>;
};
type Element = Record<string, unknown> & { type?: string; action_id?: string; options?: unknown[] };
type Submitted = Record<string, unknown> & { blocks?: unknown };

/** Whether the modal asks to save anyway already (it has the checkbox). */
export const asksHealth = (state: ViewState) => HEALTH_BLOCK in (state ?? {});

/** Whether "Gem alligevel" is ticked. */
export function savedAnyway(state: ViewState): boolean {
  const box = state?.[HEALTH_BLOCK]?.[VALUE] as
    | { selected_options?: { value?: string }[] | null }
    | undefined;
  return (box?.selected_options ?? []).some((o) => o.value === YES);
}

/**
 * The submitted modal again, as its writer filled it in, with the warning on top and "Gem alligevel" to tick at the
 * bottom: the answer (response_action "update") to a text that names a person together with a health word. The
 * view keeps its id, so the save it leads to is keyed as the first try was.
 */
export function withHealthConfirm(
  view: Submitted,
  state: ViewState,
  warning: string,
  language: Language,
): View {
  const own = new Set([WARNING_BLOCK, HEALTH_BLOCK]);
  const blocks = ((view.blocks as Block[] | undefined) ?? [])
    .filter((b) => !own.has(String(b.block_id)))
    .map((b) => (b.type === "input" && b.element ? { ...b, element: filledIn(b, state) } : b));
  const fields = blocks.slice(0, LIMITS.blocksPerModal - 2);
  return {
    type: "modal",
    ...pick(view, ["callback_id", "private_metadata", "title", "submit", "close"]),
    blocks: [warningBlock(warning), ...fields, checkbox(language)] as KnownBlock[],
  } as View;
}

const pick = (o: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));

const warningBlock = (warning: string): Block => ({
  type: "section",
  block_id: WARNING_BLOCK,
  text: { type: "mrkdwn", text: clip(`:warning: ${escapeMrkdwn(warning)}`, LIMITS.textChars) },
});

const checkbox = (language: Language): Block => ({
  type: "input",
  block_id: HEALTH_BLOCK,
  optional: true,
  label: { type: "plain_text", text: t(language, "health.save_anyway") },
  element: {
    type: "checkboxes",
    action_id: VALUE,
    options: [{ text: { type: "plain_text", text: t(language, "health.save_anyway_option") }, value: YES }],
  },
});

/** An input's element with what the writer had entered as its initial value, so nothing typed is lost. */
function filledIn(block: Block, state: ViewState): Element {
  const element = block.element as Element;
  const value = state?.[String(block.block_id)]?.[String(element.action_id ?? VALUE)] as
    | Record<string, unknown>
    | undefined;
  if (!value) return element;
  const chosen = (v: unknown) =>
    (element.options as { value?: string }[] | undefined)?.find(
      (o) => o.value === (v as { value?: string } | null)?.value,
    );
  switch (element.type) {
    case "plain_text_input":
    case "number_input":
      return typeof value.value === "string" && value.value
        ? { ...element, initial_value: value.value }
        : element;
    case "datepicker":
      return value.selected_date ? { ...element, initial_date: value.selected_date } : element;
    case "timepicker":
      return value.selected_time ? { ...element, initial_time: value.selected_time } : element;
    case "users_select":
      return value.selected_user ? { ...element, initial_user: value.selected_user } : element;
    case "static_select": {
      const option = chosen(value.selected_option);
      return option ? { ...element, initial_option: option } : element;
    }
    default:
      return element;
  }
}
