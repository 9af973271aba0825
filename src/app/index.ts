import type { PlatformId } from "../domain/types.ts";
import * as access from "./access.ts";
import * as approval from "./approval.ts";
import type { PointView } from "./chat-port.ts";
import * as concludeCases from "./conclude.ts";
import { type Actor, type Ctx, type Deps, read } from "./context.ts";
import { credentials } from "./credentials.ts";
import * as dataProtection from "./data-protection.ts";
import * as documents from "./documents.ts";
import * as entries from "./entries.ts";
import * as entryChanges from "./entry-changes.ts";
import * as followUp from "./follow-up.ts";
import { formContext } from "./form-context.ts";
import * as homePage from "./home.ts";
import { type HomeAudience, ownerOf, refreshHomes } from "./home-refresh.ts";
import * as inspection from "./inspection.ts";
import { actorLanguage } from "./person-language.ts";
import * as round from "./round.ts";
import * as scheduling from "./schedule.ts";
import * as setup from "./setup.ts";
import { precheckSetup } from "./setup.ts";
import { publishPending } from "./summary.ts";
import { syncDiscussion } from "./sync.ts";
import * as threadReplies from "./thread-replies.ts";
import { currentPointView } from "./views.ts";
import * as walkthrough from "./walkthrough.ts";
import { WorkspaceCache } from "./workspace-cache.ts";

type Bound<F> = F extends (deps: Deps, ...rest: infer A) => infer R ? (...rest: A) => R : never;
const bind = <F extends (deps: Deps, ...rest: never[]) => unknown>(deps: Deps, f: F) =>
  ((...rest: never[]) => f(deps, ...rest)) as Bound<F>;

/**
 * The use cases, bound to their dependencies: what the adapters and the scheduler call. `workspaces` reuses a
 * workspace read for a moment; without one every request reads its workspace.
 */
export function createCore(deps: Deps, workspaces = new WorkspaceCache(deps.now, 0)) {
  /** A use case that changes a workspace: what is kept of any workspace is read again afterwards. */
  const changing = <F extends (...args: never[]) => Promise<unknown>>(f: F) =>
    ((...args: Parameters<F>) => workspaces.changing(() => f(...args))) as F;
  return {
    deps,
    /** The context for an actor on a platform's team/tenant; the workspace is created on first contact. */
    async context(platform: PlatformId, externalId: string, actor: Actor, workspaceName = ""): Promise<Ctx> {
      const workspace = await workspaces.read(platform, externalId, workspaceName, () =>
        read(deps, (r) => r.workspaces.ensure(platform, externalId, workspaceName)),
      );
      const language = actor.language ?? (await actorLanguage(deps, workspace, actor));
      return { workspace, actor: language ? { ...actor, language } : actor };
    },
    /**
     * The context for an actor of a workspace that exists already, or null: for reads from outside a conversation
     * (a Teams tab), which must not create a workspace for whoever signs in.
     */
    async knownContext(platform: PlatformId, externalId: string, actor: Actor): Promise<Ctx | null> {
      const workspace = await read(deps, (r) => r.workspaces.find(platform, externalId));
      if (!workspace) return null;
      const language = actor.language ?? (await actorLanguage(deps, workspace, actor));
      return { workspace, actor: language ? { ...actor, language } : actor };
    },
    ...setupCases(deps, changing),
    ...meetingCases(deps),
    ...documentCases(deps, changing),
  };
}

type Changing = <F extends (...args: never[]) => Promise<unknown>>(f: F) => F;

/** Setting a workspace up and planning its discussion. */
function setupCases(deps: Deps, changing: Changing) {
  return {
    setupWorkspace: changing(bind(deps, setup.setupWorkspace)),
    /** The people named in the setup, with their roles (what a setup form shows). */
    members: (ctx: Ctx) => read(deps, (r) => r.members.list(ctx.workspace.id)),
    checkSetupAccess: bind(deps, access.checkSetupAccess),
    checkPlanAccess: bind(deps, access.checkPlanAccess),
    readAccess: bind(deps, access.readAccess),
    schedule: redrawing(deps, bind(deps, scheduling.schedule), () => "everyone"),
    /** Checks that change nothing and call no chat platform, for a form to be answered at once (as precheck). */
    precheckSetup,
    precheckSchedule: bind(deps, scheduling.precheckSchedule),
    precheckConclude: concludeCases.precheckConclude,
    precheckPostpone: bind(deps, followUp.precheckPostpone),
    precheckEdit: bind(deps, entries.precheckEdit),
    cancelPlanned: redrawing(deps, bind(deps, scheduling.cancelPlanned), () => "everyone"),
  };
}

/**
 * A use case after which some people's own pages show something else: once it has returned, their pages are redrawn
 * (refreshHomes, not waited for).
 */
const redrawing =
  <A extends unknown[], R>(
    deps: Deps,
    f: (ctx: Ctx, ...rest: A) => Promise<R>,
    who: (result: R) => HomeAudience,
  ) =>
  async (ctx: Ctx, ...rest: A): Promise<R> => {
    const result = await f(ctx, ...rest);
    void refreshHomes(deps, ctx.workspace, who(result));
    return result;
  };

/** The meeting itself: the walk-through, its entries and thread replies, concluding and following up. */
function meetingCases(deps: Deps) {
  const everyone = () => "everyone" as const;
  return {
    start: redrawing(deps, bind(deps, walkthrough.start), everyone),
    move: bind(deps, walkthrough.move),
    record: redrawing(deps, bind(deps, entries.record), (result) => ownerOf(result.entry)),
    precheck: bind(deps, entries.precheck),
    editEntry: redrawing(deps, bind(deps, entries.editEntry), (result) =>
      ownerOf(result.entry, result.previousOwnerId),
    ),
    removeEntry: redrawing(deps, bind(deps, entries.removeEntry), (result) => ownerOf(result.entry)),
    /** The entries at a point the person may change or remove ("Ret eller fjern"), newest first. */
    changeableEntries: bind(deps, entryChanges.changeableEntries),
    /** One entry to change, with its form's fields filled in as it stands. */
    entryForm: bind(deps, entryChanges.entryForm),
    recordThreadReply: bind(deps, threadReplies.recordThreadReply),
    editThreadReply: bind(deps, threadReplies.editThreadReply),
    removeThreadReply: bind(deps, threadReplies.removeThreadReply),
    confirmThreadReply: bind(deps, threadReplies.confirmThreadReply),
    conclude: redrawing(deps, bind(deps, concludeCases.conclude), everyone),
    reopen: redrawing(deps, bind(deps, concludeCases.reopen), everyone),
    approve: redrawing(deps, bind(deps, approval.approve), everyone),
    listOpen: bind(deps, followUp.listOpen),
    discussionFollowUp: bind(deps, followUp.discussionFollowUp),
    setEntryStatus: redrawing(deps, bind(deps, followUp.setEntryStatus), (entry) => ownerOf(entry)),
    postpone: redrawing(deps, bind(deps, followUp.postpone), (entry) => ownerOf(entry)),
    status: bind(deps, followUp.status),
    /** A person's own page: the next meeting, this year's status, their open items, the referater. */
    home: bind(deps, homePage.home),
    sendInvitation: bind(deps, homePage.sendInvitation),
    sync: (ctx: Ctx, discussionId: string, points: number[] = []) =>
      syncDiscussion(deps, ctx.workspace, discussionId, points),
    formContext: bind(deps, formContext),
    roundForm: bind(deps, round.roundForm),
    answerRound: bind(deps, round.answerRound),
    /** A point as it is now, to answer with (a Teams card action is answered with the point's card). */
    pointView: (ctx: Ctx, discussionId: string, point: number): Promise<PointView | null> =>
      read(deps, (r) => currentPointView(r, ctx.workspace, discussionId, point)),
  };
}

/** The summary and exports, data protection, and installing and uninstalling. */
function documentCases(deps: Deps, changing: Changing) {
  return {
    getSummary: bind(deps, documents.getSummary),
    listSummaryVersions: bind(deps, documents.listSummaryVersions),
    exportYear: bind(deps, documents.exportYear),
    sendExport: bind(deps, documents.sendExport),
    exportWorkspaceData: bind(deps, dataProtection.exportWorkspaceData),
    inspectionFiles: bind(deps, inspection.inspectionFiles),
    sendInspection: bind(deps, inspection.sendInspection),
    requestDeletion: changing(bind(deps, dataProtection.requestDeletion)),
    confirmDeletion: changing(bind(deps, dataProtection.confirmDeletion)),
    markUninstalled: changing(bind(deps, dataProtection.markUninstalled)),
    markInstalled: changing(bind(deps, dataProtection.markInstalled)),
    publishPending: () => publishPending(deps),
    /** A platform's secrets per installation, sealed at rest. */
    credentials: credentials(deps),
  };
}
export type Core = ReturnType<typeof createCore>;

export type * from "../domain/entities.ts";
export {
  ACTIONS,
  type ActionId,
  type ActionKind,
  type ActionName,
  ALL_ACTIONS,
  actionById,
  type Payload,
  parsePayload,
  type UserAction,
} from "./actions.ts";
export type * from "./chat-port.ts";
export { checkText } from "./check-text.ts";
export { type Command, parseCommand, SUBCOMMANDS, type Subcommand } from "./commands.ts";
export { type Actor, type Ctx, type Deps, type Logger, languageOf, type Place } from "./context.ts";
export { type ChangeableEntry, type EntryForm, removalKey } from "./entry-changes.ts";
export { AppError, errorText, failureText, problemText, StaleError } from "./errors.ts";
export { type FollowUpItem, type OpenItem, openItemText } from "./follow-up.ts";
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
export type { HomeRecord, HomeView } from "./home.ts";
export { kept } from "./kept.ts";
export type { AdapterSql, Repos, Store } from "./ports.ts";
export {
  parseRoundInput,
  precheckRound,
  type RoundForm,
  type RoundInput,
  type RoundOutcome,
  roundOutcomeText,
} from "./round.ts";
export { parseKey, seal, unseal } from "./sealed.ts";
export type { ThreadReply } from "./thread-replies.ts";
export { WorkspaceCache } from "./workspace-cache.ts";
