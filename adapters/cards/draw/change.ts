import type { ChangeableEntry, PointView } from "../../../src/app/index.ts";
import { ACTIONS } from "../../../src/app/index.ts";
import { t } from "../texts.ts";
import { actionSet, type Element, escapeMd, execute, paragraphs, subheading } from "./card.ts";
import { INPUT } from "./form.ts";

/** The input that names the chosen entry. */
export const CHANGE_INPUT = "entry";

/** Under a point's card, after "Ret eller fjern": a list to choose from, or the question before a removal. */
export type Changing = { entries: ChangeableEntry[] } | { remove: { entryId: string; label: string } };

export function changeElements(view: PointView, changing: Changing): Element[] {
  const l = view.language;
  const at = { d: view.discussionId, p: view.number };
  const close = execute(t(l, "change.cancel"), ACTIONS.closeForm, at);
  if ("remove" in changing) {
    const { entryId, label } = changing.remove;
    return [
      subheading(t(l, "change.remove_title")),
      ...paragraphs(escapeMd(t(l, "change.remove_confirm", { point: view.number, entry: label }))),
      actionSet([
        execute(t(l, "change.remove_yes"), ACTIONS.removeEntry, { ...at, e: entryId }, "destructive"),
        close,
      ]),
    ];
  }
  const only = changing.entries.length === 1 ? changing.entries[0]?.id : undefined;
  return [
    subheading(t(l, "change.title")),
    {
      type: "Input.ChoiceSet",
      id: `${INPUT}${CHANGE_INPUT}`,
      label: t(l, "change.entry"),
      style: "compact",
      isRequired: true,
      errorMessage: t(l, "change.choose_first"),
      choices: changing.entries.map((e) => ({ title: e.label.slice(0, 200), value: e.id })),
      ...(only ? { value: only } : {}),
    },
    actionSet([
      execute(t(l, "change.edit_button"), ACTIONS.chooseChange, { ...at, w: "edit" }, "positive"),
      execute(t(l, "change.remove_button"), ACTIONS.chooseChange, { ...at, w: "remove" }, "destructive"),
      close,
    ]),
  ];
}
