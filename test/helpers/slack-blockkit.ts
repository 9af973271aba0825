/**
 * Block Kit's documented limits, checked the way Slack checks them: the fake Web API answers `invalid_blocks`
 * (messages) or `invalid_arguments` (modals) when a payload breaks one, so a test fails where Slack would refuse.
 * Sources: docs.slack.dev reference/block-kit (blocks, block elements, composition objects) and surfaces/modals.
 */
type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

export function blockKitProblems(blocks: unknown, surface: "message" | "modal"): string[] {
  const problems: string[] = [];
  const bad = (path: string, what: string) => problems.push(`${what} [json-pointer:${path}]`);
  if (blocks === undefined) return problems;
  if (!Array.isArray(blocks)) return [`blocks must be an array [json-pointer:/blocks]`];
  const max = surface === "message" ? 50 : 100;
  if (blocks.length > max) bad("/blocks", `must provide an array of no more than ${max} items`);

  const text = (path: string, t: unknown, limit: number, kind?: "plain_text" | "mrkdwn") => {
    if (!isObj(t)) return bad(path, "must provide an object");
    if (kind && t.type !== kind) bad(`${path}/type`, `must be ${kind}`);
    if (typeof t.text !== "string" || t.text.length === 0)
      bad(`${path}/text`, "must be more than 0 characters");
    else if (t.text.length > limit) bad(`${path}/text`, `must be less than ${limit + 1} characters`);
  };
  const id = (path: string, v: unknown) => {
    if (typeof v === "string" && v.length > 255) bad(path, "must be less than 256 characters");
  };
  const option = (path: string, o: unknown) => {
    if (!isObj(o)) return bad(path, "must provide an object");
    text(`${path}/text`, o.text, 75);
    if (typeof o.value !== "string" || o.value.length > 150)
      bad(`${path}/value`, "must be less than 151 characters");
  };
  const element = (path: string, e: unknown) => {
    if (!isObj(e)) return bad(path, "must provide an object");
    id(`${path}/action_id`, e.action_id);
    switch (e.type) {
      case "button":
        text(`${path}/text`, e.text, 75, "plain_text");
        if (typeof e.value === "string" && e.value.length > 2000)
          bad(`${path}/value`, "must be less than 2001 characters");
        break;
      case "static_select": {
        const options = (e.options as unknown[]) ?? [];
        if (options.length > 100) bad(`${path}/options`, "must provide an array of no more than 100 items");
        for (const [i, o] of options.entries()) option(`${path}/options/${i}`, o);
        if (e.initial_option !== undefined) option(`${path}/initial_option`, e.initial_option);
        break;
      }
      case "plain_text_input":
        if (typeof e.max_length === "number" && e.max_length > 3000)
          bad(`${path}/max_length`, "must be at most 3000");
        if (typeof e.initial_value === "string" && e.initial_value.length > 3000)
          bad(`${path}/initial_value`, "must be less than 3001 characters");
        break;
    }
    if (e.placeholder !== undefined) text(`${path}/placeholder`, e.placeholder, 150, "plain_text");
  };

  for (const [i, b] of blocks.entries()) {
    const path = `/blocks/${i}`;
    if (!isObj(b)) {
      bad(path, "must provide an object");
      continue;
    }
    id(`${path}/block_id`, b.block_id);
    switch (b.type) {
      case "header":
        text(`${path}/text`, b.text, 150, "plain_text");
        break;
      case "section":
        if (b.text === undefined && b.fields === undefined) bad(path, "must provide text or fields");
        if (b.text !== undefined) text(`${path}/text`, b.text, 3000);
        if (Array.isArray(b.fields)) {
          if (b.fields.length > 10) bad(`${path}/fields`, "must provide an array of no more than 10 items");
          for (const [j, f] of b.fields.entries()) text(`${path}/fields/${j}`, f, 2000);
        }
        if (b.accessory !== undefined) element(`${path}/accessory`, b.accessory);
        break;
      case "context": {
        const elements = (b.elements as unknown[]) ?? [];
        if (elements.length === 0 || elements.length > 10)
          bad(`${path}/elements`, "must provide 1 to 10 items");
        for (const [j, e] of elements.entries()) text(`${path}/elements/${j}`, e, 3000);
        break;
      }
      case "actions": {
        const elements = (b.elements as unknown[]) ?? [];
        if (elements.length === 0 || elements.length > 25)
          bad(`${path}/elements`, "must provide 1 to 25 items");
        for (const [j, e] of elements.entries()) element(`${path}/elements/${j}`, e);
        break;
      }
      case "input":
        if (surface === "message") bad(path, "input blocks are only allowed in modals and Home tabs");
        text(`${path}/label`, b.label, 2000, "plain_text");
        if (b.hint !== undefined) text(`${path}/hint`, b.hint, 2000, "plain_text");
        element(`${path}/element`, b.element);
        break;
      case "divider":
        break;
      default:
        bad(`${path}/type`, `unknown block type ${String(b.type)}`);
    }
  }
  return problems;
}

/** The checks Slack makes on a modal view beyond its blocks. */
export function viewProblems(view: unknown): string[] {
  if (!isObj(view)) return ["view must be an object"];
  const problems = blockKitProblems(view.blocks, "modal");
  const title = (key: string, limit: number) => {
    const t = view[key] as Json | undefined;
    if (t === undefined) return;
    if (typeof t.text !== "string" || t.text.length === 0 || t.text.length > limit)
      problems.push(`${key} must be 1 to ${limit} characters [json-pointer:/view/${key}/text]`);
  };
  title("title", 24);
  title("submit", 24);
  title("close", 24);
  if (typeof view.private_metadata === "string" && view.private_metadata.length > 3000)
    problems.push("private_metadata must be less than 3001 characters [json-pointer:/view/private_metadata]");
  if (typeof view.callback_id === "string" && view.callback_id.length > 255)
    problems.push("callback_id must be less than 256 characters [json-pointer:/view/callback_id]");
  return problems;
}
