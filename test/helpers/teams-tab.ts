import { EMPLOYER, LEADER, type teamsApp } from "./teams-app.ts";

/**
 * A discussion held through the bot for the tab to show: set up and started in the channel, a decision (owned by the
 * work leader) and a goal recorded, concluded.
 */
export async function holdDiscussion(app: ReturnType<typeof teamsApp>, tenant: string, decision: string) {
  const { teams, workspace } = await app.setUp(tenant);
  const { discussionId } = await app.start(teams);

  const ctx = { workspace, actor: { userId: EMPLOYER.id, name: EMPLOYER.name } };
  const core = app.server.core;
  const recorded = await core.record(
    ctx,
    {
      discussionId,
      point: 8,
      kind: "decision",
      data: { text: decision, owner: LEADER, deadline: "2027-02-01" },
    },
    null,
  );
  await core.record(
    ctx,
    {
      discussionId,
      point: 8,
      kind: "goal",
      data: { text: "Mindre støj", successCriterion: "Under 55 dB", deadline: "2027-05-01" },
    },
    null,
  );
  const point = await core.pointView(ctx, discussionId, 11);
  await core.conclude(
    ctx,
    { discussionId, expectedVersion: point?.version ?? 0, overrideReason: "Prøve af fanen" },
    null,
  );
  return { teams, workspace, discussionId, decisionId: recorded.entry.id, ctx };
}
