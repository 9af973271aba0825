import type { KnownBlock } from "@slack/types";
import type { PointView, ViewEntry } from "../../../src/app/chat-port.ts";
import { ACTIONS, type Payload, type UserAction } from "../../../src/app/index.ts";
import { t } from "../../../src/i18n/index.ts";
import { encodeValue } from "./actions.ts";
import { context, divider, escapeMrkdwn, header, LIMITS, sections } from "./mrkdwn.ts";

export function entryLines(entry: ViewEntry): string {
  const d = entry.described;
  const details = d.details.map((x) => `\n      ${escapeMrkdwn(x)}`).join("");
  return `• *${escapeMrkdwn(d.label)}:* ${escapeMrkdwn(d.text)}${details}`;
}

/** One agenda point: its questions, what has been recorded, and the buttons to record more or move on. */
export function pointBlocks(view: PointView): { text: string; blocks: KnownBlock[] } {
  const l = view.language;
  const title = t(l, "point.header", { number: view.number, title: view.title });
  const blocks: KnownBlock[] = [header(title)];
  blocks.push(context(`${t(l, `point.${view.status}`)} · ${escapeMrkdwn(view.help)}`));
  blocks.push(
    ...sections(
      `*${t(l, "point.questions")}*\n${view.questions.map((q) => `• ${escapeMrkdwn(q)}`).join("\n")}`,
    ),
  );
  if (view.carriedGoals.length > 0) {
    const goals = view.carriedGoals.map(
      (g) => `• ${escapeMrkdwn(g.text)} (${escapeMrkdwn(g.successCriterion)})`,
    );
    blocks.push(...sections(`*${t(l, "point.carried_goals")}*\n${goals.join("\n")}`));
  }
  // Point 7 in a first year: nothing from last year to assess, said during the meeting as on the record.
  if (view.firstYear) blocks.push(context(t(l, "completeness.first_year")));
  if (view.earlier) blocks.push(context(escapeMrkdwn(view.earlier.join("\n"))));
  if (view.round) {
    const inputs = view.round.inputs.map((x) => `\n• ${escapeMrkdwn(x)}`).join("");
    blocks.push(
      ...sections(`*${escapeMrkdwn(view.round.heading)}*\n${escapeMrkdwn(view.round.counts)}${inputs}`),
    );
  }
  blocks.push(divider(), ...recordedBlocks(view));
  if (isConcluded(view)) blocks.push(...finalBlocks(view));
  else if (view.discussionStatus !== "planned") blocks.push(...buttonBlocks(view));
  // A concluded record takes no more replies as notes: only "add to the minutes" changes it.
  if (!isConcluded(view)) blocks.push(context(t(l, "point.thread_hint")));
  return { text: title, blocks: blocks.slice(0, LIMITS.blocksPerMessage) };
}

/** What has been recorded at the point, the latest entries when there are many. */
function recordedBlocks(view: PointView): KnownBlock[] {
  const l = view.language;
  if (view.entries.length === 0)
    return [context(t(l, isConcluded(view) ? "point.nothing_recorded" : "point.nothing_yet"))];
  const earlier =
    view.entryCount > view.entries.length
      ? `_${t(l, "point.earlier_entries", { shown: view.entries.length, total: view.entryCount })}_\n`
      : "";
  const text = `*${t(l, "point.recorded")}* (${view.entryCount})\n${earlier}${view.entries.map(entryLines).join("\n")}`;
  return sections(text).slice(0, 8);
}

const isConcluded = (view: PointView) =>
  view.discussionStatus === "concluded" || view.discussionStatus === "approved";

/**
 * A concluded point shows how it stands in the record, with no buttons that record: only "add to the minutes", which
 * asks first (Slack's own confirmation) that this makes a new version to approve again.
 */
function finalBlocks(view: PointView): KnownBlock[] {
  const l = view.language;
  const amend = {
    type: "button" as const,
    action_id: ACTIONS.amend.id,
    text: { type: "plain_text" as const, text: t(l, "amend.button") },
    value: encodeValue(ACTIONS.amend, { d: view.discussionId, p: view.number, v: view.version }),
    confirm: {
      title: { type: "plain_text" as const, text: t(l, "amend.confirm_title") },
      text: { type: "plain_text" as const, text: t(l, "amend.confirm_text") },
      confirm: { type: "plain_text" as const, text: t(l, "amend.confirm_yes") },
      deny: { type: "plain_text" as const, text: t(l, "amend.confirm_no") },
    },
  };
  return [
    context(t(l, "point.final")),
    { type: "actions", block_id: `amend_${view.number}`, elements: [amend] },
  ];
}

/** The buttons that open a point's forms; `amending` marks them as a confirmed addition to a concluded record. */
export function recordButtons(view: PointView, amending = false) {
  const l = view.language;
  const at = {
    d: view.discussionId,
    v: view.version,
    p: view.number,
    ...(amending ? { a: 1 as const } : {}),
  };
  const button = <A extends UserAction>(action: A, label: string, value: Payload<A>) => ({
    type: "button" as const,
    action_id: action.id,
    text: { type: "plain_text" as const, text: label },
    value: encodeValue(action, value),
  });
  const record = [
    button(ACTIONS.note, t(l, "button.note"), at),
    button(ACTIONS.decision, t(l, "button.decision"), at),
    button(ACTIONS.goal, t(l, "button.goal"), at),
  ];
  if (view.form)
    record.push(button(ACTIONS.pointForm, t(l, `form.${view.form}.title`), { ...at, f: view.form }));
  return record;
}

/** The buttons to record at the point and, on the current point of a running discussion, to move on. */
function buttonBlocks(view: PointView): KnownBlock[] {
  const l = view.language;
  const at = { d: view.discussionId, v: view.version, p: view.number };
  const button = <A extends UserAction>(action: A, label: string, value: Payload<A>, style?: "primary") => ({
    type: "button" as const,
    action_id: action.id,
    text: { type: "plain_text" as const, text: label },
    value: encodeValue(action, value),
    ...(style ? { style } : {}),
  });
  const record = recordButtons(view);
  if (view.entryCount > 0)
    record.push(button(ACTIONS.change, t(l, "button.change"), { d: view.discussionId, p: view.number }));
  const blocks: KnownBlock[] = [{ type: "actions", block_id: `record_${view.number}`, elements: record }];
  if (!view.isCurrent || view.discussionStatus !== "running") return blocks;
  // No "back" on the first point: there is nothing before it.
  const move = [
    ...(view.number > 1 ? [button(ACTIONS.previous, t(l, "button.previous"), at)] : []),
    button(ACTIONS.skip, t(l, "button.skip"), at),
  ];
  if (view.number < 11) move.push(button(ACTIONS.next, t(l, "button.next"), at, "primary"));
  else move.push(button(ACTIONS.conclude, t(l, "button.conclude"), at, "primary"));
  blocks.push({ type: "actions", block_id: `move_${view.number}`, elements: move });
  return blocks;
}
