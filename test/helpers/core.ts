import { silentLogger } from "../../src/app/context.ts";
import { type Core, createCore, WorkspaceCache } from "../../src/app/index.ts";
import { storePort } from "../../src/server.ts";
import type { Db } from "../../src/store/db.ts";
import { uniqueId } from "./db.ts";
import { RecordingChat } from "./recording-chat.ts";

export interface TestCore {
  core: Core;
  chat: RecordingChat;
  clock: { now: Date };
}

/** A core over `db` with a recording chat and a clock the test moves; `workspaceCacheMs` reuses workspace reads. */
export function testCore(db: Db, now = new Date("2026-11-24T09:00:00Z"), workspaceCacheMs = 0): TestCore {
  const chat = new RecordingChat();
  const clock = { now };
  const deps = { store: storePort(db), chatFor: () => chat, now: () => clock.now, log: silentLogger };
  const core = createCore(deps, new WorkspaceCache(deps.now, workspaceCacheMs));
  return { core, chat, clock };
}

export const EMPLOYER = { userId: "U_EMPLOYER", name: "Mette Hansen" };
export const REPRESENTATIVE = { userId: "U_REP", name: "Ali Nielsen" };
export const LEADER = { userId: "U_LEADER", name: "Søren Østergaard" };

/** A set-up workspace with 25 employees (one-level AMO) and three members. */
export async function setUpWorkspace(core: Core, headcount = 25) {
  const team = uniqueId();
  // The employer installed the app, and so may name the roles.
  await core.markInstalled("slack", team, "Kontoret ApS", EMPLOYER.userId);
  const ctx = await core.context("slack", team, EMPLOYER, "Kontoret ApS");
  const { workspace } = await core.setupWorkspace(
    ctx,
    {
      headcount,
      timeZone: "Europe/Copenhagen",
      language: "da",
      defaultChannel: "C_AMO",
      members: [
        { userId: EMPLOYER.userId, name: EMPLOYER.name, role: "employer", joinedAmoOn: null },
        {
          userId: REPRESENTATIVE.userId,
          name: REPRESENTATIVE.name,
          role: "amo_representative",
          joinedAmoOn: "2026-03-01",
        },
        { userId: LEADER.userId, name: LEADER.name, role: "work_leader", joinedAmoOn: null },
      ],
    },
    null,
  );
  const as = (actor: typeof EMPLOYER) => ({ workspace, actor });
  return { team, workspace, employer: as(EMPLOYER), rep: as(REPRESENTATIVE), leader: as(LEADER) };
}
