import type { Workspace } from "../domain/entities.ts";
import type { Language, Role } from "../domain/types.ts";
import type { ChatPort } from "./chat-port.ts";
import { AppError, isTransientDbError } from "./errors.ts";
import type { Repos, Store } from "./ports.ts";

export interface Actor {
  userId: string;
  /** The name the request carries; where the platform must be asked for a better one, `lookUpName` does. */
  name: string;
  /** Asks the platform for the person's display name: only what records or announces a name needs it. */
  lookUpName?: () => Promise<string>;
  /**
   * Whether the platform says this person administers the workspace (Slack: an admin or owner). Asked only while no
   * employer is named, when the installer or an admin may name one.
   */
  isWorkspaceAdmin?: () => Promise<boolean>;
  /** The person's own language, for what only they see; unset: the workspace's. */
  language?: Language;
  /** The request's own word on the person's locale (Teams' activity locale), remembered for later messages. */
  locale?: string;
  /** Asks the platform for the person's locale (Slack's users.info), when the remembered one is old or missing. */
  lookUpLocale?: () => Promise<string | null>;
}

/** Where a request came from: the conversation, and whether the answer is seen by the asker alone. */
export interface Place {
  conversation: string | null;
  private: boolean;
}

/** Who acts, where, and in which language they are answered. */
export interface Ctx {
  workspace: Workspace;
  actor: Actor;
  /** Unset means a private answer to the actor (what the core's own callers get). */
  place?: Place;
}

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface Deps {
  store: Store;
  /** The chat port that reaches this workspace (its platform, its token). */
  chatFor(workspace: Workspace): ChatPort;
  /** How people on this workspace's platform call the bot ("/arbejdsmiljø"); unset, the texts name the slash command. */
  commandFor?(workspace: Workspace): string;
  now(): Date;
  log: Logger;
  /** The key platforms' secrets are sealed with at rest (TOKEN_ENCRYPTION_KEY); none when it is not set. */
  sealingKey?: Buffer | null;
}

/** The actor's display name, asked of the platform when the request did not carry it. */
export const displayName = (actor: Actor): Promise<string> =>
  actor.lookUpName ? actor.lookUpName() : Promise.resolve(actor.name);

export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/**
 * The language of an answer to the actor: their own where known and the answer is theirs alone; what the whole
 * conversation sees (a Teams reply in a channel) is in the workspace's, as the channel's cards are.
 */
export function languageOf(ctx: Ctx): Language {
  if (ctx.place && !ctx.place.private) return ctx.workspace.language;
  return ctx.actor.language ?? ctx.workspace.language;
}

/**
 * Runs a state change in one transaction together with its idempotency key: a repeated key returns the first
 * call's result without doing the work again. Database outages become a retryable AppError.
 */
export async function inTransaction<T>(
  deps: Deps,
  ctx: Ctx,
  key: string | null,
  work: (r: Repos) => Promise<T>,
): Promise<{ value: T; replayed: boolean }> {
  try {
    return await deps.store.transaction(async (r) => {
      if (key) {
        const earlier = await r.idempotency.claim(ctx.workspace.id, key);
        if (earlier) return { value: earlier.result as T, replayed: true };
      }
      const value = await work(r);
      if (key) await r.idempotency.complete(ctx.workspace.id, key, value);
      return { value, replayed: false };
    });
  } catch (error) {
    throw asAppError(error);
  }
}

/** Reads outside a transaction, with the same mapping of outages. */
export async function read<T>(deps: Deps, work: (r: Repos) => Promise<T>): Promise<T> {
  try {
    return await work(deps.store.repos);
  } catch (error) {
    throw asAppError(error);
  }
}

export function asAppError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (isTransientDbError(error)) return new AppError("temporary", "error.temporary", {}, {}, true);
  return error;
}

export const EMPLOYER_ROLES: readonly Role[] = ["employer", "employer_representative"];

/** The working-environment organisation: the employer's side with the AMO's representatives and work leaders. */
export const AMO_ROLES: readonly Role[] = [...EMPLOYER_ROLES, "amo_representative", "work_leader"];

/** What a role is asked for, as the refusal names it (`action.<name>`). */
export type RoleAction =
  | "conclude"
  | "setup"
  | "approve"
  | "delete"
  | "export_data"
  | "inspection"
  | "plan"
  | "start";

/** Refuses unless the actor holds one of the roles. */
export async function requireRole(r: Repos, ctx: Ctx, roles: readonly Role[], action: RoleAction) {
  const role = await r.members.roleOf(ctx.workspace.id, ctx.actor.userId);
  if (role && roles.includes(role)) return role;
  throw new AppError("forbidden", "error.forbidden", { action: `action.${action}`, roles: roles.join("|") });
}
