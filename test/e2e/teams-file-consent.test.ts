import { describe, expect, it } from "vitest";
import { DRIVERS } from "../helpers/db.ts";
import {
  EMPLOYER,
  FILE_CONSENT,
  FILE_INFO,
  linkIn,
  teamsApp,
  waitForAttachment,
} from "../helpers/teams-app.ts";
import type { TeamsDriver } from "../helpers/teams-driver.ts";

const DATA_FILE = "arbejdsmiljo-data-2026-11-24.json";
const PERSONAL = `a:personal-${EMPLOYER.id}`;

describe.each(DRIVERS)("Teams files in a personal chat, through the file consent card ($name)", (driver) => {
  const app = teamsApp({ driver });

  /** The employer asks for the workplace's data in their personal chat: the file is offered for consent. */
  async function askForData(teams: TeamsDriver) {
    const response = await teams.post({
      ...teams.base(EMPLOYER, PERSONAL, "personal"),
      type: "message",
      id: teams.nextId(),
      text: "data",
    });
    expect(response.status).toBe(200);
    return waitForAttachment(app.connector, FILE_CONSENT, DATA_FILE);
  }

  const fileInfoCards = () =>
    [...app.connector.messages.values()].filter((m) =>
      ((m.activity.attachments as { contentType: string }[] | undefined) ?? []).some(
        (a) => a.contentType === FILE_INFO,
      ),
    ).length;
  const keptFile = (token: string) => app.db.query("SELECT 1 FROM teams_files WHERE token = $1", [token]);
  const tokenOf = (offer: Awaited<ReturnType<typeof askForData>>) =>
    (offer.attachment.content.acceptContext as { f: string }).f;

  it("on accept uploads the bytes to the user's OneDrive once, shows the file card, and a second click is told", async () => {
    const { teams } = await app.setUp();
    const offer = await askForData(teams);
    expect(offer.posted.conversation).toBe(PERSONAL);
    expect(offer.attachment.content.description).toBe("Arbejdspladsens data");
    expect(offer.attachment.content.sizeInBytes).toBeGreaterThan(0);

    const { bytes, info } = await app.acceptFile(teams, EMPLOYER, DATA_FILE);
    expect(bytes.length).toBe(offer.attachment.content.sizeInBytes);
    const data = JSON.parse(bytes.toString("utf8")) as Record<string, unknown>;
    expect(JSON.stringify(data)).toContain(EMPLOYER.name);
    expect(info.posted.conversation).toBe(PERSONAL);
    expect(info.attachment.content.uniqueId).toBe(`u-${offer.posted.id}`);
    // The answered consent card is removed, and the file is no longer kept by us.
    expect(app.connector.messages.get(offer.posted.id)?.deleted).toBe(true);
    expect(await keptFile(tokenOf(offer))).toEqual([]);

    // The same card accepted again (a double click, a retry): no second upload, a polite word instead.
    const uploads = app.connector.uploads.length;
    const again = await teams.fileConsent(
      EMPLOYER,
      PERSONAL,
      { activityId: offer.posted.id, context: offer.attachment.content.acceptContext },
      { action: "accept", uploadInfo: { name: DATA_FILE, uploadUrl: app.connector.uploadUrl(DATA_FILE) } },
    );
    expect(again.status).toBe(200);
    await app.connector.waitFor("Tilbuddet gælder ikke længere");
    expect(app.connector.uploads.length).toBe(uploads);
  });

  it("on decline keeps nothing and says so politely", async () => {
    const { teams } = await app.setUp();
    const offer = await askForData(teams);
    const uploads = app.connector.uploads.length;
    const declined = await teams.fileConsent(
      EMPLOYER,
      PERSONAL,
      { activityId: offer.posted.id, context: offer.attachment.content.declineContext },
      { action: "decline" },
    );
    expect(declined.status).toBe(200);
    const note = await app.connector.waitFor("Helt i orden, jeg gemmer ikke filen i din OneDrive.");
    expect(note.conversation).toBe(PERSONAL);
    expect(app.connector.uploads.length).toBe(uploads);
    expect(await keptFile(tokenOf(offer))).toEqual([]);
  });

  it("when OneDrive refuses the upload, offers the file by its expiring link instead", async () => {
    const { teams } = await app.setUp();
    const offer = await askForData(teams);
    const infoBefore = fileInfoCards();
    const answered = await teams.fileConsent(
      EMPLOYER,
      PERSONAL,
      { activityId: offer.posted.id, context: offer.attachment.content.acceptContext },
      // An upload session that has ended: the fake answers 404 as OneDrive does.
      {
        action: "accept",
        uploadInfo: { name: DATA_FILE, uploadUrl: `${app.connector.url}gone/${DATA_FILE}` },
      },
    );
    expect(answered.status).toBe(200);
    const card = await app.connector.waitFor(`Filen ${DATA_FILE} er klar til at hente.`);
    expect(card.conversation).toBe(PERSONAL);
    const download = await fetch(linkIn(card));
    expect(download.status).toBe(200);
    expect(JSON.stringify(await download.json())).toContain(EMPLOYER.name);
    expect(fileInfoCards()).toBe(infoBefore);
  });
});
