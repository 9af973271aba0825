import type { Member, Workspace } from "../domain/entities.ts";
import type { Role } from "../domain/types.ts";
import { type MessageKey, t } from "../i18n/index.ts";
import { type Ctx, type Deps, displayName } from "./context.ts";

export interface RoleChange {
  userId: string;
  name: string;
  /** null: the person had no role (was not on the roster) before, or has none after. */
  from: Role | null;
  to: Role | null;
}

/** Whose role a new roster changes: people added, removed, or given another role. */
export function roleChanges(
  before: readonly Member[],
  after: readonly { userId: string; name: string; role: Role }[],
): RoleChange[] {
  const changes: RoleChange[] = [];
  for (const m of after) {
    const old = before.find((b) => b.userId === m.userId);
    if (old?.role !== m.role)
      changes.push({ userId: m.userId, name: m.name, from: old?.role ?? null, to: m.role });
  }
  for (const old of before) {
    if (!after.some((m) => m.userId === old.userId))
      changes.push({ userId: old.userId, name: old.name, from: old.role, to: null });
  }
  return changes;
}

/**
 * Says in the workplace's channel who changed whose role, so no change of who may decide goes unseen. The change is
 * saved before; a channel that cannot be reached is logged, not retried.
 */
export async function announceRoleChanges(
  deps: Deps,
  ctx: Ctx,
  workspace: Workspace,
  changes: readonly RoleChange[],
): Promise<void> {
  if (changes.length === 0 || !workspace.defaultChannel || !workspace.installed) return;
  const l = workspace.language;
  const roleName = (role: Role | null) =>
    role ? t(l, `role.${role}` as MessageKey).toLowerCase() : t(l, "roles.none");
  const lines = changes.map((c) =>
    t(l, "roles.changed_line", { name: c.name, from: roleName(c.from), to: roleName(c.to) }),
  );
  try {
    const text = t(l, "roles.changed", { actor: await displayName(ctx.actor), lines: lines.join("\n") });
    await deps
      .chatFor(workspace)
      .post(workspace.defaultChannel, { kind: "text", view: { language: l, text } });
  } catch (error) {
    deps.log.warn("could not say the role changes in the channel", {
      workspace: workspace.id,
      error: String(error),
    });
  }
}
