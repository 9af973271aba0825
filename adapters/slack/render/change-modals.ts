import type { KnownBlock, View } from "@slack/types";
import { ACTIONS, type ChangeableEntry } from "../../../src/app/index.ts";
import type { Language } from "../../../src/domain/types.ts";
import { t } from "../../../src/i18n/index.ts";
import { clip, escapeMrkdwn, sections } from "./mrkdwn.ts";

/** The block ids of the choice modal's inputs. */
export const CHANGE_FIELDS = { entry: "entry", what: "what" } as const;

const plain = (text: string, max: number) => ({ type: "plain_text" as const, text: clip(text, max) });
const option = (value: string, text: string) => ({ text: plain(text, 75), value });

const modal = (
  callback: string,
  language: Language,
  blocks: KnownBlock[],
  metadata: string,
  submit: string,
) =>
  ({
    type: "modal",
    callback_id: callback,
    private_metadata: metadata,
    title: plain(t(language, "change.title"), 24),
    submit: plain(submit, 24),
    close: plain(t(language, "form.cancel"), 24),
    blocks,
  }) as View;

/** "Ret eller fjern": which of the person's entries at the point, and whether to change or remove it. */
export function changeModal(language: Language, entries: ChangeableEntry[], metadata: string): View {
  const l = language;
  const choices = entries.map((e) => option(e.id, e.label));
  const blocks = [
    {
      type: "input",
      block_id: CHANGE_FIELDS.entry,
      label: plain(t(l, "change.entry"), 2000),
      element: {
        type: "static_select",
        action_id: "value",
        options: choices,
        ...(choices.length === 1 ? { initial_option: choices[0] } : {}),
      },
    },
    {
      type: "input",
      block_id: CHANGE_FIELDS.what,
      label: plain(t(l, "change.what"), 2000),
      element: {
        type: "radio_buttons",
        action_id: "value",
        options: [option("edit", t(l, "change.edit")), option("remove", t(l, "change.remove"))],
        initial_option: option("edit", t(l, "change.edit")),
      },
    },
  ] as unknown as KnownBlock[];
  return modal(ACTIONS.chooseChange.id, l, blocks, metadata, t(l, "change.next"));
}

/** Asks before an entry is removed, naming it as the point's card shows it. */
export function removeModal(language: Language, point: number, label: string, metadata: string): View {
  const text = t(language, "change.remove_confirm", { point, entry: escapeMrkdwn(label) });
  return modal(ACTIONS.removeEntry.id, language, sections(text), metadata, t(language, "change.remove_yes"));
}
