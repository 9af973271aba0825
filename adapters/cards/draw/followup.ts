import { ACTIONS, type OpenItem, openItemText } from "../../../src/app/index.ts";
import type { Language } from "../../../src/domain/types.ts";
import { t } from "../texts.ts";
import {
  type AdaptiveCard,
  actionSet,
  type Element,
  escapeMd,
  execute,
  heading,
  paginate,
  paragraphs,
} from "./card.ts";

/** The open decisions and goals: each with owner, deadline and status, and its "done" and "postpone" buttons. */
export function followUpCards(language: Language, timeZone: string, open: OpenItem[]): AdaptiveCard[] {
  const title = t(language, "command.open_items");
  const item = (o: OpenItem): Element => ({
    type: "Container",
    separator: true,
    items: [
      ...paragraphs(escapeMd(openItemText(language, timeZone, o))),
      actionSet([
        execute(t(language, "button.done"), ACTIONS.entryDone, { e: o.id }, "positive"),
        execute(t(language, "button.postpone"), ACTIONS.postpone, { e: o.id }),
      ]),
    ],
  });
  return paginate([heading(title)], open.map(item), [], (page) =>
    t(language, "teams.continued", { title, page }),
  );
}
