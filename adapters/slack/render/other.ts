import type { KnownBlock } from "@slack/types";
import type { AnnouncementView, CompletenessView, TextAction, TextView } from "../../../src/app/chat-port.ts";
import { ACTIONS } from "../../../src/app/index.ts";
import { REQUIREMENT_POINT } from "../../../src/domain/completeness.ts";
import { formatDateTime, t } from "../../../src/i18n/index.ts";
import { encodeValue } from "./actions.ts";
import { context, escapeMrkdwn, header, sections, splitText } from "./mrkdwn.ts";

export function announcementBlocks(view: AnnouncementView): { text: string; blocks: KnownBlock[] } {
  const l = view.language;
  const title = t(l, "announcement.title", { year: view.year });
  const when = formatDateTime(l, view.scheduledAt, view.timeZone);
  const duration = view.durationMinutes
    ? ` (${t(l, "announcement.duration", { minutes: view.durationMinutes })})`
    : "";
  const lines = [
    view.rescheduled ? `*${t(l, "announcement.moved")}*` : null,
    `*${t(l, "announcement.when")}:* ${when}${duration}`,
    view.location ? `*${t(l, "announcement.where")}:* ${escapeMrkdwn(view.location)}` : null,
    view.participants.length
      ? `*${t(l, "announcement.participants")}:* ${view.participants.map(escapeMrkdwn).join(", ")}`
      : null,
  ].filter(Boolean);
  return {
    text: `${title}: ${when}`,
    blocks: [
      header(title),
      ...sections(lines.join("\n")),
      context(escapeMrkdwn(view.participation)),
      ...sections(
        `*${t(l, "announcement.agenda")}*\n${view.agenda.map((p) => `${p.number}. ${escapeMrkdwn(p.title)}`).join("\n")}`,
      ),
      {
        type: "actions",
        elements: [
          {
            type: "button",
            action_id: ACTIONS.sendInvitation.id,
            text: { type: "plain_text", text: t(l, "button.add_to_calendar") },
            value: encodeValue(ACTIONS.sendInvitation, { d: view.discussionId }),
          },
        ],
      },
    ],
  };
}

export function textBlocks(view: TextView): { text: string; blocks: KnownBlock[] } {
  const l = view.language;
  const mrkdwn = withMentions(view);
  const blocks: KnownBlock[] = sections(mrkdwn);
  if (view.actions?.length) {
    blocks.push({
      type: "actions",
      elements: view.actions.map((a) => {
        const [id, key, value] = textButton(a);
        return {
          type: "button" as const,
          action_id: id,
          text: { type: "plain_text" as const, text: t(l, key) },
          value,
        };
      }),
    });
  }
  // The fallback text (notifications) is mrkdwn too: escaped like the blocks, so it mentions only whom the core named.
  return { text: splitText(mrkdwn)[0] ?? "", blocks };
}

/** A Slack user id, as `<@…>` takes it; anything else is written as the name. */
const SLACK_USER = /^[UW][A-Z0-9_]{1,30}$/;

/** The text as mrkdwn, escaped, with each person the core named mentioned (`<@U…>`, so Slack notifies them). */
function withMentions(view: TextView): string {
  const mentions = [...(view.mentions ?? [])].sort((a, b) => a.at - b.at);
  let out = "";
  let from = 0;
  for (const m of mentions) {
    if (m.at < from || view.text.slice(m.at, m.at + m.name.length) !== m.name) continue;
    out += escapeMrkdwn(view.text.slice(from, m.at));
    out += SLACK_USER.test(m.userId) ? `<@${m.userId}>` : escapeMrkdwn(m.name);
    from = m.at + m.name.length;
  }
  return out + escapeMrkdwn(view.text.slice(from));
}

/** A reminder's button: its action, its label and its value. */
function textButton(a: TextAction) {
  switch (a.type) {
    case "start":
      return [ACTIONS.start.id, "button.start", encodeValue(ACTIONS.start, { d: a.discussionId })] as const;
    case "pre_input":
      return [
        ACTIONS.preInput.id,
        "button.pre_input",
        encodeValue(ACTIONS.preInput, { d: a.discussionId }),
      ] as const;
    case "round_open":
      return [
        ACTIONS.roundOpen.id,
        "round.button",
        encodeValue(ACTIONS.roundOpen, { d: a.discussionId }),
      ] as const;
    case "entry_done":
      return [ACTIONS.entryDone.id, "button.done", encodeValue(ACTIONS.entryDone, { e: a.entryId })] as const;
    case "entry_postpone":
      return [
        ACTIONS.postpone.id,
        "button.postpone",
        encodeValue(ACTIONS.postpone, { e: a.entryId }),
      ] as const;
    case "save_reply": {
      // Without the text: Slack keeps the reply, and a button's value holds 2,000 characters at most.
      const r = a.reply;
      const value = encodeValue(ACTIONS.saveReply, { c: r.channel, t: r.threadId, m: r.messageId });
      return [ACTIONS.saveReply.id, "health.save_anyway", value] as const;
    }
  }
}

/** What is missing before concluding: the law, yearly duties, good practice; each item with a button to its point. */
export function completenessBlocks(view: CompletenessView): KnownBlock[] {
  const l = view.language;
  const { legal, duties, goodPractice } = view.completeness;
  const item = (text: string, point: number): KnownBlock => ({
    type: "section",
    text: { type: "mrkdwn", text: `• ${text} (${t(l, "completeness.see_point", { point })})` },
    accessory: {
      type: "button",
      action_id: ACTIONS.goto.id,
      text: { type: "plain_text", text: t(l, "completeness.go_to_point", { point }) },
      value: encodeValue(ACTIONS.goto, { d: view.discussionId, v: view.version, p: point }),
    },
  });
  const list = (heading: string, basis: string, done: string, items: KnownBlock[]): KnownBlock[] => [
    ...sections(`*${heading}*`),
    context(basis),
    ...(items.length ? items : [context(done)]),
  ];
  const blocks: KnownBlock[] = [
    header(t(l, "completeness.title")),
    ...list(
      t(l, "completeness.legal"),
      t(l, "completeness.legal_basis"),
      t(l, "completeness.legal_done"),
      legal.map((r) => item(t(l, `legal.${r}`), REQUIREMENT_POINT[r])),
    ),
    ...list(
      t(l, "completeness.duties"),
      t(l, "completeness.duties_basis"),
      t(l, "completeness.duties_done"),
      duties.map((r) => item(t(l, `duty.${r}`), REQUIREMENT_POINT[r])),
    ),
    ...list(
      t(l, "completeness.practice"),
      t(l, "completeness.practice_basis"),
      t(l, "completeness.practice_done"),
      goodPractice.map((r) => item(t(l, `practice.${r}`), REQUIREMENT_POINT[r])),
    ),
  ];
  if (view.completeness.firstYear) blocks.push(context(t(l, "completeness.first_year")));
  blocks.push({
    type: "actions",
    elements: [
      {
        type: "button",
        action_id: ACTIONS.concludeAnyway.id,
        style: "danger",
        text: { type: "plain_text", text: t(l, "button.conclude_anyway") },
        value: encodeValue(ACTIONS.concludeAnyway, { d: view.discussionId, v: view.version }),
      },
    ],
  });
  return blocks;
}
