import { describe, expect, it } from "vitest";
import { repos } from "../../src/store/index.ts";
import { cardIn, EMPLOYER, LEADER, REP, teamsApp, textIn } from "../helpers/teams-app.ts";
import { cardText } from "../helpers/teams-connector.ts";
import { button, type TeamsDriver } from "../helpers/teams-driver.ts";

type Input = { id: string; value?: unknown; choices?: { title: string; value: string }[] };

/** The card's input with this id, wherever it sits. */
function inputOf(card: unknown, id: string): Input {
  let found: Input | undefined;
  const walk = (node: unknown) => {
    if (found || !node || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (o.id === id && typeof o.type === "string" && o.type.startsWith("Input."))
      found = o as unknown as Input;
    for (const value of Object.values(o)) walk(value);
  };
  walk(card);
  if (!found) throw new Error(`no input ${id} on the card`);
  return found;
}

/** "Ret eller fjern" under a point's card: a mistake corrected or taken out before the record is concluded. */
describe("Teams end to end: changing or removing an entry", () => {
  const app = teamsApp();
  const { setUp, start } = app;
  const texts = async (workspaceId: string, discussionId: string) =>
    (await repos(app.db).entries.forDiscussion(workspaceId, discussionId)).map(
      (e) => `${e.kind}: ${(e.data as { text: string }).text}`,
    );

  async function withEntries() {
    const { teams, workspace } = await setUp();
    const { discussionId } = await start(teams);
    const at = { d: discussionId, p: 1 };
    const save = (k: string) => ({ verb: "entry_form", data: { ...at, k } });
    cardIn(
      await teams.invoke(REP, save("decision"), {
        "f.text": "Nye stole",
        "f.owner": REP.id,
        "f.deadline": "2027-01-31",
      }),
    );
    const saved = cardIn(await teams.invoke(EMPLOYER, save("note"), { "f.text": "Mettes note" }));
    return { teams, workspace, discussionId, change: button(saved, "Ret eller fjern") };
  }

  const invoke = async (
    teams: TeamsDriver,
    user: typeof REP,
    action: { verb: string; data: Record<string, unknown> },
    inputs = {},
  ) => cardIn(await teams.invoke(user, action, inputs));

  it("opens the writer's own entry filled in, saves the change to it, and removes it once confirmed", async () => {
    const { teams, workspace, discussionId, change } = await withEntries();
    const choose = await invoke(teams, REP, change);
    const entries = await repos(app.db).entries.forDiscussion(workspace.id, discussionId);
    const decision = entries.find((e) => e.kind === "decision")?.id as string;
    // Ali may change only what he wrote: the note is Mette's.
    expect(inputOf(choose, "f.entry").choices).toEqual([
      { title: "Beslutning: Nye stole (Åben)", value: decision },
    ]);
    const form = await invoke(teams, REP, button(choose, "Ret den"), { "f.entry": decision });
    expect(inputOf(form, "f.text").value).toBe("Nye stole");
    expect(inputOf(form, "f.owner").value).toBe(REP.id);
    expect(inputOf(form, "f.deadline").value).toBe("2027-01-31");
    const saveChange = button(form, "Gem");
    expect(saveChange.data.e).toBe(decision);
    // A refused change comes back as the same change, never as a new entry.
    const refused = await invoke(teams, REP, saveChange, {
      "f.text": "",
      "f.owner": REP.id,
      "f.deadline": "2027-01-31",
    });
    expect(button(refused, "Gem").data.e).toBe(decision);
    await invoke(teams, REP, saveChange, {
      "f.text": "Hæve-sænkeborde",
      "f.owner": REP.id,
      "f.deadline": "2027-02-28",
    });
    expect(await texts(workspace.id, discussionId)).toEqual([
      "decision: Hæve-sænkeborde",
      "note: Mettes note",
    ]);

    const asked = await invoke(teams, REP, button(await invoke(teams, REP, change), "Fjern den"), {
      "f.entry": decision,
    });
    expect(cardText(asked)).toContain("Vil du fjerne denne registrering fra punkt 1?");
    // "Fjern" pressed twice: removed once, and both answers show the point without it.
    const remove = button(asked, "Fjern");
    const answers = await Promise.all([1, 2].map(() => teams.invoke(REP, remove)));
    for (const answer of answers) {
      expect(textIn(answer)).toContain("Registreringen er fjernet fra punkt 1.");
      expect(textIn(answer)).not.toContain("Hæve-sænkeborde");
    }
    expect(await texts(workspace.id, discussionId)).toEqual(["note: Mettes note"]);
  });

  it("offers nothing to someone who wrote nothing there, and refuses another's entry sent anyway", async () => {
    const { teams, workspace, discussionId, change } = await withEntries();
    expect(textIn(await teams.invoke(LEADER, change))).toContain(
      "Der er ikke noget ved punkt 1, som du kan rette eller fjerne.",
    );
    const note = (await repos(app.db).entries.forDiscussion(workspace.id, discussionId)).find(
      (e) => e.kind === "note",
    );
    const choose = await invoke(teams, REP, change);
    for (const title of ["Ret den", "Fjern den"])
      expect(textIn(await teams.invoke(REP, button(choose, title), { "f.entry": note?.id }))).toContain(
        "Kun den, der skrev registreringen, eller mødelederen kan ændre",
      );
    const forged = { verb: "entry_remove", data: { d: discussionId, p: 1, e: note?.id } };
    expect(textIn(await teams.invoke(REP, forged))).toContain("Kun den, der skrev registreringen");
    expect(await texts(workspace.id, discussionId)).toEqual(["decision: Nye stole", "note: Mettes note"]);
    // The organiser may change what anyone wrote at the meeting.
    const all = await invoke(teams, EMPLOYER, change);
    expect(inputOf(all, "f.entry").choices?.map((c) => c.title)).toEqual([
      "Note: Mettes note",
      "Beslutning: Nye stole (Åben)",
    ]);
  });
});
