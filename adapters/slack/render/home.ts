import type { KnownBlock, HomeView as SlackHomeView } from "@slack/types";
import { ACTIONS, checkText, type HomeView } from "../../../src/app/index.ts";
import { formatDateTime, t } from "../../../src/i18n/index.ts";
import { COMMAND_NAME } from "../command-name.ts";
import { encodeValue } from "./actions.ts";
import { context, divider, escapeMrkdwn, header, section } from "./mrkdwn.ts";
import { itemBlocks } from "./open-item.ts";

/** Own items shown on the page (two blocks each, within Home's 100); the rest are in /arbejdsmiljø opfølgning. */
const MAX_ITEMS = 30;

/** A person's App Home: the next meeting, this year's discussion, their own open items, the referater. */
export function homeTab(view: HomeView): SlackHomeView {
  const l = view.language;
  const blocks: KnownBlock[] = [header(t(l, "home.title"))];
  if (!view.onRoster)
    return {
      type: "home",
      blocks: [...blocks, section(t(l, "home.not_on_roster", { command: COMMAND_NAME }))],
    };
  blocks.push(context(t(l, "home.intro")), divider(), ...nextMeeting(view), divider(), ...thisYear(view));
  blocks.push(divider(), section(`*${t(l, "home.mine")}*`));
  if (view.mine.length === 0) blocks.push(context(t(l, "home.mine_none")));
  for (const item of view.mine.slice(0, MAX_ITEMS)) blocks.push(...itemBlocks(l, view.timeZone, item));
  if (view.mine.length > MAX_ITEMS)
    blocks.push(
      context(t(l, "home.mine_more", { count: view.mine.length - MAX_ITEMS, command: COMMAND_NAME })),
    );
  blocks.push(divider(), section(`*${t(l, "home.records")}*`), ...records(view));
  return { type: "home", blocks };
}

function nextMeeting(view: HomeView): KnownBlock[] {
  const l = view.language;
  const next = view.next;
  if (!next?.scheduledAt)
    return [section(`*${t(l, "home.next")}*\n${t(l, "home.none_planned", { command: COMMAND_NAME })}`)];
  const when = formatDateTime(l, next.scheduledAt, view.timeZone);
  const at = next.location
    ? t(l, "home.next_at", { when, place: escapeMrkdwn(next.location) })
    : t(l, "home.next_at_no_place", { when });
  return [
    {
      type: "section",
      text: { type: "mrkdwn", text: `*${t(l, "home.next")}*\n${at}` },
      accessory: {
        type: "button",
        action_id: ACTIONS.sendInvitation.id,
        text: { type: "plain_text", text: t(l, "button.add_to_calendar") },
        value: encodeValue(ACTIONS.sendInvitation, { d: next.id }),
      },
    },
  ];
}

function thisYear(view: HomeView): KnownBlock[] {
  const l = view.language;
  const d = view.current;
  const title = `*${t(l, "home.this_year", { year: d?.year ?? view.year })}*`;
  if (!d) return [section(`${title}\n${t(l, "home.not_started", { year: view.year })}`)];
  const progress = view.completeness ? checkText(l, view.completeness) : "";
  return [section(`${title}\n${t(l, `status.${d.status}`)}`), ...(progress ? [context(progress)] : [])];
}

function records(view: HomeView): KnownBlock[] {
  const l = view.language;
  if (view.records.length === 0) return [context(t(l, "home.records_none"))];
  return view.records.map((r) =>
    context(
      t(l, "home.record", {
        year: r.year,
        status: t(l, `status.${r.status}`),
        version: r.version,
        hash: r.sha256.slice(0, 12),
        command: COMMAND_NAME,
      }),
    ),
  );
}
