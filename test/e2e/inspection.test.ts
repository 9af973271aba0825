import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Workspace } from "../../src/domain/entities.ts";
import type { Db } from "../../src/store/db.ts";
import { repos } from "../../src/store/index.ts";
import { expectThreeYearFolder, THREE_YEARS } from "../helpers/inspection-check.ts";
import { localApp, setUpLocal } from "../helpers/local-app.ts";
import { messageText } from "../helpers/local-driver.ts";
import { EMPLOYER, SlackApp } from "../helpers/slack-app.ts";
import { cardIn, EMPLOYER as TEAMS_EMPLOYER, teamsApp } from "../helpers/teams-app.ts";
import { cardOf, cardText, contentText } from "../helpers/teams-connector.ts";
import { button } from "../helpers/teams-driver.ts";
import { holdYears } from "../helpers/years.ts";

const NOW = new Date("2026-12-07T09:00:00Z");
const PDF = "tilsynsmappe-arbejdsmiljø-2026-12-07.pdf";
const ZIP = "tilsynsmappe-arbejdsmiljø-2026-12-07.zip";
const REFUSED = "Det må du ikke: at hente tilsynsmappen kræver rollen";

/** The file in a multipart upload's body (the Web API posts the file as a form's one part). */
function uploadedFile(raw: Buffer): Uint8Array {
  const boundary = raw.subarray(0, raw.indexOf("\r\n")).toString();
  const start = raw.indexOf("\r\n\r\n") + 4;
  return new Uint8Array(raw.subarray(start, raw.indexOf(`\r\n${boundary}`, start)));
}

/** Three years held through the core for the workspace's employer and representative, as the roster names them. */
async function seed(db: Db, workspace: Workspace) {
  const members = await repos(db).members.list(workspace.id);
  const person = (role: string) => {
    const m = members.find((x) => x.role === role);
    if (!m) throw new Error(`no ${role}`);
    return { userId: m.userId, name: m.name };
  };
  await holdYears(
    db,
    workspace,
    { employer: person("employer"), rep: person("amo_representative") },
    THREE_YEARS,
  );
}

describe("Slack: /arbejdsmiljø tilsyn, the real Bolt app against a fake Slack", () => {
  const app = new SlackApp();
  beforeAll(() => app.start(() => NOW));
  afterAll(() => app.stop());

  it("sends the folder as a PDF and a ZIP to the employer's direct messages; a stranger is refused", async () => {
    const { fake } = app;
    const { slack, workspace } = await app.setUp();
    await seed(app.db, workspace);
    const from = fake.calls.length;
    const answer = await fake.after("respond", () => slack.command(EMPLOYER, "tilsyn"));
    expect(answer.args.text).toBe("Tilsynsmappen er sendt som PDF og som ZIP med Markdown og CSV.");
    const uploads = fake.calls.slice(from).filter((c) => c.method === "files.getUploadURLExternal");
    expect(uploads.map((c) => c.args.filename)).toEqual([PDF, ZIP]);
    const shared = fake.calls.slice(from).filter((c) => c.method === "files.completeUploadExternal");
    expect(shared.map((c) => c.args.channel_id)).toEqual([`D${EMPLOYER.id}`, `D${EMPLOYER.id}`]);
    const [pdf, zip] = [...fake.uploads.values()].slice(-2).map(uploadedFile);
    await expectThreeYearFolder(pdf as Uint8Array, zip as Uint8Array, "/arbejdsmiljø");

    // In English too, and anyone not on the employer's side or in the AMO is told so privately, nothing sent.
    const stranger = { id: "U_STRANGER", name: "Ukendt Person" };
    fake.names.set(stranger.id, stranger.name);
    const before = fake.calls.length;
    const refused = await fake.after("respond", () => slack.command(stranger, "inspection"));
    expect(String(refused.args.text)).toContain(REFUSED);
    expect(refused.args.response_type ?? "ephemeral").toBe("ephemeral");
    expect(fake.calls.slice(before).some((c) => c.method.startsWith("files."))).toBe(false);

    // This year's discussion shows the years before beside it at point 6.
    await fake.after("respond", () => slack.command(EMPLOYER, "start"));
    for (let point = 1; point < 6; point++)
      await fake.after("chat.postMessage", () =>
        slack.click(EMPLOYER, "point_next", slack.button("point_next").value),
      );
    const six = fake.of("chat.postMessage").find((c) => JSON.stringify(c.args).includes("Punkt 6 af 11"));
    expect(JSON.stringify(six?.args)).toContain("Tidligere år:");
    expect(JSON.stringify(six?.args)).toContain(
      "2025: 0 ulykker, 2 nærvedulykker, 0 forgiftninger, 1 sundhedsskade",
    );
  });
});

describe("Teams: @bot tilsyn, the real botbuilder adapter against a fake Bot Connector", () => {
  const app = teamsApp({ now: () => NOW });

  it("offers the folder's PDF and ZIP in the asker's personal chat to save in OneDrive; a stranger is refused", async () => {
    const { teams, workspace } = await app.setUp();
    await seed(app.db, workspace);
    await teams.mention(TEAMS_EMPLOYER, "tilsyn");
    // In the channel only that it was sent; the folder itself goes to the asker's personal chat.
    const told = await app.connector.waitFor("Tilsynsmappen er sendt til dig i en privat besked.");
    const sent = await app.connector.waitFor(
      "Tilsynsmappen er sendt som PDF og som ZIP med Markdown og CSV.",
    );
    expect(sent.conversation).not.toBe(told.conversation);
    // In the personal chat each file is offered with Teams' consent card and lands in the asker's OneDrive.
    const pdf = await app.acceptFile(teams, TEAMS_EMPLOYER, PDF);
    expect(pdf.offer.posted.conversation).toBe(sent.conversation);
    const zip = await app.acceptFile(teams, TEAMS_EMPLOYER, ZIP);
    expect(zip.bytes.length).toBe(zip.offer.attachment.content.sizeInBytes);
    await expectThreeYearFolder(new Uint8Array(pdf.bytes), new Uint8Array(zip.bytes), "@Arbejdsmiljø");
    // Once taken, the file is no longer kept.
    const token = (zip.offer.attachment.content.acceptContext as { f: string }).f;
    expect(await app.db.query("SELECT 1 FROM teams_files WHERE token = $1", [token])).toEqual([]);

    await teams.mention({ id: "aad-stranger", name: "Ukendt Person" }, "inspection");
    const refused = await app.connector.waitFor(/at hente tilsynsmappen/);
    expect(contentText(refused.activity)).toContain(REFUSED);

    // This year's discussion shows the years before beside it at point 6's card.
    await teams.mention(TEAMS_EMPLOYER, "start");
    let current = cardOf((await app.connector.waitFor(/Punkt 1 af 11:/)).activity);
    for (let point = 1; point < 6; point++)
      current = cardIn(await teams.invoke(TEAMS_EMPLOYER, button(current, "Næste punkt")));
    expect(cardText(current)).toContain("Punkt 6 af 11");
    expect(cardText(current)).toContain("Tidligere år:");
    expect(cardText(current)).toContain("2025: 0 ulykker, 2 nærvedulykker, 0 forgiftninger, 1 sundhedsskade");
  });
});

describe("the local channel: /arbejdsmiljø tilsyn in the browser's channel", () => {
  const app = localApp({ now: () => NOW });

  it("offers the folder to download to the AMO's leader; the plain employee is told privately", async () => {
    await setUpLocal(app.page);
    const workspace = (await repos(app.db).workspaces.find("local", "local")) as Workspace;
    await seed(app.db, workspace);
    await app.page.command("local-soeren", "/arbejdsmiljø tilsyn");
    expect(app.page.get("Tilsynsmappen er sendt til dig i en privat besked.").channel).toBe("channel");
    expect(app.page.get("Tilsynsmappen er sendt som PDF og som ZIP med Markdown og CSV.").channel).toBe(
      "direct",
    );
    const download = async (name: string) => {
      const message = app.page.all().find((m) => m.file?.name === name);
      expect(message?.channel).toBe("direct");
      const res = await fetch(`${app.page.url}${message?.file?.url}`);
      expect(res.status).toBe(200);
      return new Uint8Array(await res.arrayBuffer());
    };
    await expectThreeYearFolder(await download(PDF), await download(ZIP), "/arbejdsmiljø");

    const before = app.page.all().length;
    await app.page.command("local-fatima", "/arbejdsmiljø tilsyn");
    expect(app.page.get(REFUSED).channel).toBe("direct");
    expect(
      app.page
        .all()
        .slice(before)
        .some((m) => m.file),
    ).toBe(false);

    // This year's discussion shows the years before beside it at point 6, on the card as in Teams.
    await app.page.command("local-mette", "/arbejdsmiljø start");
    for (let point = 1; point < 6; point++)
      await app.page.press(
        "local-mette",
        app.page.get(new RegExp(`Punkt ${point} af 11:`), { threadId: null }),
        "Næste punkt",
      );
    const six = messageText(app.page.get(/Punkt 6 af 11:/, { threadId: null }));
    expect(six).toContain("Tidligere år:");
    expect(six).toContain("2025: 0 ulykker, 2 nærvedulykker, 0 forgiftninger, 1 sundhedsskade");
  });
});
