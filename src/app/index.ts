import type { Platform } from "../domain/types.ts";
import { pointNow } from "../store/gathered.ts";
import { repos, type Workspace } from "../store/index.ts";
import * as access from "./access.ts";
import { admission } from "./admission.ts";
import * as approval from "./approval.ts";
import type { PointView } from "./chat-port.ts";
import * as concludeCases from "./conclude.ts";
import { type Actor, type Ctx, type Deps, read } from "./context.ts";
import * as dataProtection from "./data-protection.ts";
import * as documents from "./documents.ts";
import * as entries from "./entries.ts";
import * as followUp from "./follow-up.ts";
import type { FormContext, FormKind } from "./forms.ts";
import * as scheduling from "./schedule.ts";
import * as setup from "./setup.ts";
import { precheckSetup } from "./setup.ts";
import { publishPending } from "./summary.ts";
import { syncDiscussion } from "./sync.ts";
import * as threadReplies from "./thread-replies.ts";
import { POINT_VIEW_ENTRIES, unjudgedGoals, viewOfRead } from "./views.ts";
import * as walkthrough from "./walkthrough.ts";
import { WorkspaceCache } from "./workspace-cache.ts";

/** How long a workspace read for one request serves the next ones (see WorkspaceCache). */
const WORKSPACE_CACHE_MS = 2000;

type Bound<F> = F extends (deps: Deps, ...rest: infer A) => infer R ? (...rest: A) => R : never;
const bind = <F extends (deps: Deps, ...rest: never[]) => unknown>(deps: Deps, f: F) =>
  ((...rest: never[]) => f(deps, ...rest)) as Bound<F>;

/** The use cases, bound to their dependencies: what the adapters and the scheduler call. */
export function createCore(deps: Deps) {
  const workspaces = new WorkspaceCache(WORKSPACE_CACHE_MS);
  // Counts changes begun and ended: a read that overlapped a change may hold the row from before it, and is not kept.
  let changes = 0;
  // Reads under way, shared by the requests that come meanwhile (a busy meeting's requests would each read otherwise).
  // A workspace in use is read again in the background once it is due, so its requests find it kept.
  const reading = new Map<string, Promise<Workspace>>();
  /** A use case that changes a workspace: what this process holds of any workspace is read again afterwards. */
  const changing = <F extends (...args: never[]) => Promise<unknown>>(f: F) =>
    (async (...args: Parameters<F>) => {
      changes++;
      try {
        return await f(...args);
      } finally {
        changes++;
        workspaces.forgetAll();
        reading.clear();
      }
    }) as F;
  /**
   * The workspace read (created on first contact), kept unless a change overlapped; one read for all who ask while it
   * is under way. Not `kept`: that holds a promise until it fails, where this one is let go once in (the cache holds
   * the workspace then) or once a change ends.
   */
  const readWorkspace = (
    platform: Platform,
    externalId: string,
    workspaceName: string,
  ): Promise<Workspace> => {
    const key = JSON.stringify([platform, externalId, workspaceName]);
    const pending = reading.get(key);
    if (pending) return pending;
    const before = changes;
    const fresh: Promise<Workspace> = read(deps, (r) =>
      r.workspaces.ensure(platform, externalId, workspaceName),
    )
      .then((found) => {
        if (changes === before) workspaces.put(found);
        return found;
      })
      .finally(() => {
        if (reading.get(key) === fresh) reading.delete(key);
      });
    reading.set(key, fresh);
    return fresh;
  };
  return {
    deps,
    /** Waits (briefly) while the database is behind; for work done after the platform was answered. */
    admit: admission(deps.db),
    /** The context for an actor on a platform's team/tenant; the workspace is created on first contact. */
    async context(platform: Platform, externalId: string, actor: Actor, workspaceName = ""): Promise<Ctx> {
      const cached = workspaces.get(platform, externalId);
      if (cached && (workspaceName === "" || cached.name === workspaceName)) {
        if (workspaces.due(platform, externalId))
          void readWorkspace(platform, externalId, "").catch((error) =>
            deps.log.warn("reading a workspace again failed", { error: String(error) }),
          );
        return { workspace: cached, actor };
      }
      return { workspace: await readWorkspace(platform, externalId, workspaceName), actor };
    },
    setupWorkspace: changing(bind(deps, setup.setupWorkspace)),
    checkSetupAccess: bind(deps, access.checkSetupAccess),
    readAccess: bind(deps, access.readAccess),
    schedule: bind(deps, scheduling.schedule),
    /** Checks that change nothing and call no chat platform, for a form to be answered at once (as precheck). */
    precheckSetup,
    precheckSchedule: bind(deps, scheduling.precheckSchedule),
    precheckConclude: concludeCases.precheckConclude,
    precheckPostpone: followUp.precheckPostpone,
    precheckEdit: bind(deps, entries.precheckEdit),
    cancelPlanned: bind(deps, scheduling.cancelPlanned),
    start: bind(deps, walkthrough.start),
    move: bind(deps, walkthrough.move),
    record: bind(deps, entries.record),
    precheck: bind(deps, entries.precheck),
    editEntry: bind(deps, entries.editEntry),
    removeEntry: bind(deps, entries.removeEntry),
    recordThreadReply: bind(deps, threadReplies.recordThreadReply),
    editThreadReply: bind(deps, threadReplies.editThreadReply),
    removeThreadReply: bind(deps, threadReplies.removeThreadReply),
    conclude: bind(deps, concludeCases.conclude),
    reopen: bind(deps, concludeCases.reopen),
    approve: bind(deps, approval.approve),
    listOpen: bind(deps, followUp.listOpen),
    setEntryStatus: bind(deps, followUp.setEntryStatus),
    postpone: bind(deps, followUp.postpone),
    status: bind(deps, followUp.status),
    getSummary: bind(deps, documents.getSummary),
    listSummaryVersions: bind(deps, documents.listSummaryVersions),
    exportYear: bind(deps, documents.exportYear),
    sendExport: bind(deps, documents.sendExport),
    exportWorkspaceData: bind(deps, dataProtection.exportWorkspaceData),
    requestDeletion: changing(bind(deps, dataProtection.requestDeletion)),
    confirmDeletion: changing(bind(deps, dataProtection.confirmDeletion)),
    markUninstalled: changing(bind(deps, dataProtection.markUninstalled)),
    markInstalled: changing(bind(deps, dataProtection.markInstalled)),
    publishPending: () => publishPending(deps),
    sync: (ctx: Ctx, discussionId: string, points: number[] = []) =>
      syncDiscussion(deps, ctx.workspace, discussionId, points),
    /**
     * What a form needs to show its fields: the members, and at point 7 last year's goals. Given the form's kind, last
     * year's goals are read only for the form that shows them (a modal submit waits for this before its ack).
     */
    async formContext(ctx: Ctx, discussionId?: string, kind?: FormKind): Promise<FormContext> {
      const r = repos(deps.db);
      // A note names no one: the commonest form skips reading the members before its ack.
      const members = kind === "note" ? [] : await r.members.list(ctx.workspace.id);
      if (kind && kind !== "goal_verdict")
        return { language: ctx.workspace.language, members, carriedGoals: [] };
      const discussion = discussionId ? await r.discussions.get(ctx.workspace.id, discussionId) : null;
      const carried = discussion ? await unjudgedGoals(r, ctx.workspace, discussion) : [];
      return { language: ctx.workspace.language, members, carriedGoals: carried };
    },
    /** A point as it is now, to answer with (a Teams card action is answered with the point's card). */
    async pointView(ctx: Ctx, discussionId: string, point: number): Promise<PointView | null> {
      const ask = { workspaceId: ctx.workspace.id, discussionId, point, limit: POINT_VIEW_ENTRIES };
      const now = await read(deps, () => pointNow(deps.db, ask));
      return now && viewOfRead(repos(deps.db), ctx.workspace, now, point);
    },
  };
}
export type Core = ReturnType<typeof createCore>;

export type * from "./chat-port.ts";
export { type Command, parseCommand, SUBCOMMANDS, type Subcommand } from "./commands.ts";
export type { Actor, Ctx, Deps, Logger, Place } from "./context.ts";
export { AppError, errorText, problemText, StaleError } from "./errors.ts";
export {
  type FieldSpec,
  type FieldValue,
  type FormContext,
  type FormKind,
  type FormSpec,
  fieldErrors,
  formData,
  formSpec,
} from "./forms.ts";
export { kept } from "./kept.ts";
