import type { AnnouncementView, CompletenessView, TextAction, TextView } from "../../../src/app/chat-port.ts";
import { ACTIONS } from "../../../src/app/index.ts";
import { REQUIREMENT_POINT } from "../../../src/domain/completeness.ts";
import type { Language } from "../../../src/domain/types.ts";
import { formatDateTime, type MessageKey } from "../../../src/i18n/index.ts";
import { t } from "../texts.ts";
import {
  type AdaptiveCard,
  actionSet,
  card,
  type Element,
  escapeMd,
  execute,
  heading,
  notice,
  paginate,
  paragraphs,
  subheading,
  subtle,
  textBlock,
} from "./card.ts";
import { INPUT, textLimit } from "./form.ts";

export function announcementCards(view: AnnouncementView): AdaptiveCard[] {
  const l = view.language;
  const title = t(l, "announcement.title", { year: view.year });
  const duration = view.durationMinutes
    ? ` (${t(l, "announcement.duration", { minutes: view.durationMinutes })})`
    : "";
  const facts = [
    {
      title: t(l, "announcement.when"),
      value: `${formatDateTime(l, view.scheduledAt, view.timeZone)}${duration}`,
    },
    ...(view.location ? [{ title: t(l, "announcement.where"), value: escapeMd(view.location) }] : []),
    ...(view.participants.length
      ? [{ title: t(l, "announcement.participants"), value: view.participants.map(escapeMd).join(", ") }]
      : []),
  ];
  const head: Element[] = [heading(title)];
  if (view.rescheduled) head.push(notice(t(l, "announcement.moved"), "attention"));
  head.push({ type: "FactSet", facts }, subtle(view.participation), subheading(t(l, "announcement.agenda")));
  const body = view.agenda.map((p) => textBlock(`${p.number}. ${escapeMd(p.title)}`, { spacing: "None" }));
  // The invitation goes to the person who asks, privately: the channel's calendar file is a link in Teams.
  const calendar = execute(t(l, "button.add_to_calendar"), ACTIONS.sendInvitation, { d: view.discussionId });
  return paginate(head, body, [calendar], (page) => t(l, "teams.continued", { title, page }));
}

/** A reminder's button. */
function textAction(l: Language, a: TextAction): Element {
  switch (a.type) {
    case "start":
      return execute(t(l, "button.start"), ACTIONS.start, { d: a.discussionId }, "positive");
    case "pre_input":
      return execute(t(l, "button.pre_input"), ACTIONS.preInput, { d: a.discussionId });
    case "round_open":
      return execute(t(l, "round.button"), ACTIONS.roundOpen, { d: a.discussionId }, "positive");
    case "entry_done":
      return execute(t(l, "button.done"), ACTIONS.entryDone, { e: a.entryId }, "positive");
    case "entry_postpone":
      return execute(t(l, "button.postpone"), ACTIONS.postpone, { e: a.entryId });
    case "save_reply": {
      // The card carries the text: a bot cannot read a Teams channel's messages back.
      const r = a.reply;
      const data = { c: r.channel, t: r.threadId, m: r.messageId, x: r.text, w: a.writerId };
      return execute(t(l, "health.save_anyway"), ACTIONS.saveReply, data, "positive");
    }
  }
}

/** A worded message; with buttons it becomes a card, otherwise it is sent as plain text. */
export function textCards(view: TextView): AdaptiveCard[] {
  const l = view.language;
  const actions = (view.actions ?? []).map((a) => textAction(l, a));
  const body = paragraphs(escapeMd(view.text));
  return paginate([], body, actions, (page) => t(l, "teams.continued", { title: "", page }));
}

/** What is missing before concluding (the law, yearly duties, good practice; each item with a button to its point). */
export function completenessCard(view: CompletenessView, error?: string): AdaptiveCard {
  const l = view.language;
  const { legal, duties, goodPractice, complete } = view.completeness;
  const goTo = (point: number) =>
    execute(t(l, "completeness.go_to_point", { point }), ACTIONS.goto, {
      d: view.discussionId,
      v: view.version,
      p: point,
    });
  const item = (text: string, point: number): Element[] => [
    textBlock(`- ${escapeMd(text)} (${t(l, "completeness.see_point", { point })})`, { spacing: "Small" }),
    actionSet([goTo(point)]),
  ];
  const list = (heading: string, basis: string, done: string, items: Element[][]): Element[] => [
    subheading(heading),
    subtle(basis),
    ...(items.length ? items.flat() : [textBlock(escapeMd(done), { spacing: "None" })]),
  ];
  const body: Element[] = [heading(t(l, "completeness.title"))];
  if (error) body.push(notice(error));
  if (complete) body.push(textBlock(t(l, "completeness.all_good")));
  body.push(
    ...list(
      t(l, "completeness.legal"),
      t(l, "completeness.legal_basis"),
      t(l, "completeness.legal_done"),
      legal.map((r) => item(t(l, `legal.${r}` as MessageKey), REQUIREMENT_POINT[r])),
    ),
    ...list(
      t(l, "completeness.duties"),
      t(l, "completeness.duties_basis"),
      t(l, "completeness.duties_done"),
      duties.map((r) => item(t(l, `duty.${r}` as MessageKey), REQUIREMENT_POINT[r])),
    ),
    ...list(
      t(l, "completeness.practice"),
      t(l, "completeness.practice_basis"),
      t(l, "completeness.practice_done"),
      goodPractice.map((r) => item(t(l, `practice.${r}` as MessageKey), REQUIREMENT_POINT[r])),
    ),
  );
  if (view.completeness.firstYear) body.push(subtle(t(l, "completeness.first_year")));
  body.push({
    type: "Input.Text",
    id: `${INPUT}reason`,
    label: `${t(l, "conclude.reason")} (${t(l, "form.limit", { max: 1000 })})`,
    isMultiline: true,
    isRequired: true,
    ...textLimit(1000, true, l),
  });
  body.push(
    actionSet([
      execute(
        t(l, "button.conclude_anyway"),
        ACTIONS.concludeReason,
        { d: view.discussionId, v: view.version },
        "destructive",
      ),
    ]),
  );
  return card(body);
}

/** A file offered for download through our own link (bots cannot upload files to Teams channels). */
export function fileCard(language: "da" | "en", name: string, title: string, url: string): AdaptiveCard {
  return card(
    [
      subheading(title),
      textBlock(escapeMd(t(language, "teams.file_ready", { name }))),
      subtle(t(language, "teams.file_link_note")),
    ],
    [{ type: "Action.OpenUrl", title: t(language, "teams.file_download"), url }],
  );
}

/** A short answer to the user who acted, as a card (an invoke is answered with a card or a message). */
export function messageCard(text: string, tone?: "good" | "attention"): AdaptiveCard {
  return card(tone ? [notice(text, tone)] : paragraphs(escapeMd(text)));
}
