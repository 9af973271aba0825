import { describe, expect, it } from "vitest";
import { repos } from "../../src/store/index.ts";
import { REP, teamsApp } from "../helpers/teams-app.ts";

/** A shutdown (SIGTERM on a deploy) must not close the database under a card's work. */
describe("Teams: shutting down", () => {
  const app = teamsApp();

  it("finishes the work of a card whose client went away just before the shutdown: the note is recorded", async () => {
    const { teams, workspace } = await app.setUp();
    const { discussionId } = await app.start(teams);
    // The database is busy (a transaction holds PGlite's one connection), so the card's work waits for it.
    let release = () => {};
    const busy = app.db.transaction(
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    );
    const save = { verb: "entry_form", data: { d: discussionId, p: 1, k: "note" } };
    // Teams gives up waiting for the answer: the connection closes while the note is still to be recorded.
    const gaveUp = await teams
      .invoke(REP, save, { "f.text": "Sagt lige før lukning" }, { signal: AbortSignal.timeout(300) })
      .then(
        () => false,
        () => true,
      );
    expect(gaveUp).toBe(true);

    let stopped = false;
    const stopping = app.stopServer().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Every connection is closed, but the shutdown waits for the work begun.
    expect(stopped).toBe(false);
    release();
    await busy;
    await stopping;
    const notes = (await repos(app.db).entries.forDiscussion(workspace.id, discussionId)).filter(
      (e) => e.kind === "note",
    );
    expect(notes.map((e) => [e.authorId, (e.data as { text: string }).text])).toEqual([
      [REP.id, "Sagt lige før lukning"],
    ]);
  }, 30_000);
});
