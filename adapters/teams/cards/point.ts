import type { PointView, ViewEntry } from "../../../src/app/chat-port.ts";
import { type MessageKey, t } from "../../../src/i18n/index.ts";
import {
  type AdaptiveCard,
  actionSet,
  type Element,
  escapeMd,
  execute,
  heading,
  notice,
  paginate,
  paragraphs,
  shared,
  subheading,
  subtle,
  textBlock,
} from "./card.ts";
import { type FormState, formElements } from "./form.ts";
import { VERB } from "./verbs.ts";

export interface PointCardOptions {
  /** An open form under the point (shown only to the user who asked for it, in the invoke response). */
  form?: FormState & { entryId?: string };
  notice?: { text: string; tone: "good" | "attention" };
}

/** An entry's elements, drawn once for each entry as shown (the core shares those while they do not change). */
const drawn = new WeakMap<ViewEntry, Element[]>();

export function entryElements(entry: ViewEntry): Element[] {
  let elements = drawn.get(entry);
  if (!elements) {
    const d = entry.described;
    elements = shared([
      ...paragraphs(`**${escapeMd(d.label)}:** ${escapeMd(d.text)}`, { spacing: "Small" }),
      ...d.details.flatMap((x) => paragraphs(escapeMd(x), { isSubtle: true, spacing: "None" })),
    ]);
    drawn.set(entry, elements);
  }
  return elements;
}

/** One agenda point: its questions, what has been recorded, and the buttons to record more or move on. */
export function pointCards(view: PointView, options: PointCardOptions = {}): AdaptiveCard[] {
  const l = view.language;
  const title = t(l, "point.header", { number: view.number, title: view.title });
  const head: Element[] = [heading(title)];
  if (options.notice) head.push(notice(options.notice.text, options.notice.tone));
  head.push(subtle(`${t(l, `point.${view.status}`)} · ${view.help}`));
  head.push(subheading(t(l, "point.questions")));
  head.push(...view.questions.map((q) => textBlock(`- ${escapeMd(q)}`, { spacing: "None" })));
  if (view.carriedGoals.length > 0) {
    head.push(subheading(t(l, "point.carried_goals")));
    head.push(
      ...view.carriedGoals.map((g) =>
        textBlock(`- ${escapeMd(g.text)} (${escapeMd(g.successCriterion)})`, { spacing: "None" }),
      ),
    );
  }
  const editable = view.discussionStatus !== "planned";
  const data = { d: view.discussionId, p: view.number };
  if (options.form) {
    head.push(...formElements(options.form, l));
    const save = {
      ...data,
      k: options.form.spec.kind,
      ...(options.form.entryId ? { e: options.form.entryId } : {}),
    };
    head.push(
      actionSet([
        execute(options.form.spec.submit, VERB.save, save, "positive"),
        execute(t(l, "teams.cancel"), VERB.refresh, data),
      ]),
    );
  }
  const actions: Element[] = [];
  if (editable && !options.form) {
    const open = (key: MessageKey, kind: string) => execute(t(l, key), VERB.form, { ...data, k: kind });
    actions.push(
      open("button.note", "note"),
      open("button.decision", "decision"),
      open("button.goal", "goal"),
    );
    if (view.form)
      actions.push(
        execute(t(l, `form.${view.form}.title` as MessageKey), VERB.form, { ...data, k: view.form }),
      );
    if (view.isCurrent && view.discussionStatus === "running") {
      const move = (key: MessageKey, m: string, style?: "positive") =>
        execute(t(l, key), VERB.move, { ...data, v: view.version, m }, style);
      const moves = [move("button.previous", "previous"), move("button.skip", "skip")];
      if (view.number < 11) moves.push(move("button.next", "next", "positive"));
      else
        moves.push(
          execute(
            t(l, "button.conclude"),
            VERB.conclude,
            { d: view.discussionId, v: view.version },
            "positive",
          ),
        );
      head.push(actionSet(moves));
    }
  }
  const body: Element[] = [];
  if (view.entries.length === 0) body.push(subtle(t(l, "point.nothing_yet")));
  else {
    body.push(subheading(`${t(l, "point.recorded")} (${view.entryCount})`));
    if (view.entryCount > view.entries.length)
      body.push(
        subtle(t(l, "point.earlier_entries", { shown: view.entries.length, total: view.entryCount })),
      );
    for (const entry of view.entries) body.push(...entryElements(entry));
  }
  body.push(subtle(t(l, "point.thread_hint")));
  return paginate(head, body, actions, (page) => t(l, "teams.continued", { title, page }));
}
