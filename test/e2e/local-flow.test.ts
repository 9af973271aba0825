import { describe, expect, it } from "vitest";
import { repos } from "../../src/store/index.ts";
import { ALI, localApp, METTE, SOEREN, setUpLocal } from "../helpers/local-app.ts";
import { messageText } from "../helpers/local-driver.ts";

const NOW = new Date("2026-11-24T09:00:00Z");

/** Every element of a card with the given id, wherever it sits. */
function inputById(card: unknown, id: string): Record<string, unknown> | undefined {
  if (Array.isArray(card)) return card.map((c) => inputById(c, id)).find(Boolean);
  if (!card || typeof card !== "object") return undefined;
  const node = card as Record<string, unknown>;
  if (node.id === id) return node;
  return inputById(Object.values(node), id);
}

/**
 * The local channel in English: the forms say why and what their limits are, bad input is answered truthfully,
 * a refusal goes to the person alone, and the follow-up shows who, by when and how it stands, with its buttons.
 */
describe("the local channel: bad input answered truthfully and privately, in English", () => {
  const app = localApp({ now: () => NOW });

  it("refuses over-long text with its limit, asks for owners and future dates, keeps refusals private, follows up", async () => {
    await setUpLocal(app.page, { language: "en" });
    await app.page.command(METTE, "/arbejdsmiljø start");
    const workspace = (await repos(app.db).workspaces.find("local", "local"))!;
    const discussion = (await repos(app.db).discussions.latest(workspace.id))!;
    const entries = () => repos(app.db).entries.forDiscussion(workspace.id, discussion.id);
    const point = (n: number) => app.page.get(new RegExp(`Point ${n} of 11:`), { threadId: null });

    // The note form shows its limit and lets the card check it; no maxLength, which would cut a pasted text off.
    await app.page.press(METTE, point(1), "Note");
    const text = inputById(point(1).cards, "f.text");
    expect(text?.label).toBe("Note (at most 3000 characters)");
    expect(text?.regex).toBe("^[\\s\\S]{0,3000}$");
    expect(text?.maxLength).toBeUndefined();
    expect(text?.errorMessage).toBe("Required, and at most 3000 characters.");

    // 7,440 characters are refused with the limit, and nothing is stored or cut.
    const long = "word-".repeat(1488);
    expect(long).toHaveLength(7440);
    const tooLong = await app.page.press(METTE, point(1), "Save", { "f.text": long });
    expect(JSON.stringify(tooLong.body.card)).toContain(
      "The text is too long: at most 3000 characters. Nothing was saved or cut; shorten it or split it up.",
    );
    expect(await entries()).toEqual([]);
    await app.page.press(METTE, point(1), "Close the form");

    // A decision says why it needs an owner and a deadline; without an owner, and with a past date, it is refused.
    await app.page.press(METTE, point(1), "Decision");
    expect(messageText(point(1))).toContain("A decision needs an owner and a deadline.");
    const refused = await app.page.press(METTE, point(1), "Save", {
      "f.text": "New chairs",
      "f.deadline": "2026-01-10",
    });
    const said = JSON.stringify(refused.body.card);
    expect(said).toContain("Required.");
    expect(said).toContain("That date has passed. Choose a date ahead, e.g. 08-12-2026.");
    expect(await entries()).toEqual([]);
    const saved = await app.page.press(METTE, point(1), "Save", {
      "f.text": "New chairs",
      "f.owner": SOEREN,
      "f.deadline": "2027-01-15",
    });
    expect(JSON.stringify(saved.body.card)).toContain("Saved.");

    // Point 11: the representative may not conclude; he alone is told, and the channel's card stays as it was.
    for (let n = 1; n < 11; n++) await app.page.press(METTE, point(n), "Next point");
    const shared = JSON.stringify(point(11).cards);
    const byAli = await app.page.press(ALI, point(11), "Conclude the discussion");
    expect(byAli.body.refusal).toBe(
      "You may not do that: concluding the discussion needs the role employer or employer's representative.",
    );
    expect(JSON.stringify(point(11).cards)).toBe(shared);
    const inChannel = app.page.all().filter((m) => m.channel === "channel");
    expect(inChannel.filter((m) => messageText(m).includes("You may not do that"))).toEqual([]);
    const private_ = app.page.all().filter((m) => m.channel === "direct");
    expect(private_.map((m) => messageText(m)).join("\n")).toContain("You may not do that");

    // The check, in the channel where the conclude was pressed: law first, each item with a way back to its point.
    await app.page.press(METTE, point(11), "Conclude the discussion");
    const check = app.page.get("Check before concluding");
    expect(messageText(check)).toContain(
      "- How you cooperate and how often you meet has not been decided (point 9)",
    );
    await app.page.press(METTE, check, "Go to point 9");
    expect((await repos(app.db).discussions.get(workspace.id, discussion.id))?.currentPoint).toBe(9);
    // The pressed message is the point it was again, brought up to date by the move.
    expect(messageText(app.page.messages.get(check.id)!)).toContain("Point 11 of 11");

    // The follow-up: what, who, by when and how it stands, with done and postpone; done marks it done.
    await app.page.command(METTE, "/arbejdsmiljø followup");
    const list = app.page.get("Open decisions and goals");
    expect(messageText(list)).toContain("Owner: Søren Østergaard · Deadline: 15 January 2027 · Status: open");
    const done = await app.page.press(METTE, list, "Done");
    expect(JSON.stringify(done.body.card)).toContain("Marked as done.");
    expect((await entries()).map((e) => [e.kind, e.status])).toEqual([["decision", "done"]]);
    expect(messageText(list)).toContain("Postpone");
  });
});
