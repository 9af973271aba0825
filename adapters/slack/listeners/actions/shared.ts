import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { type FormKind, formSpec } from "../../../../src/app/forms.ts";
import { AppError, type Ctx } from "../../../../src/app/index.ts";
import type { Move } from "../../../../src/domain/discussion.ts";
import { t } from "../../../../src/i18n/index.ts";
import { notSavedText, type SlackDeps, slackCtx, teamOf, tellUser } from "../../context.ts";
import { type ButtonValue, decodeValue, VIEW } from "../../render/actions.ts";
import { formModal } from "../../render/forms.ts";
import { route } from "../../routes.ts";

export interface ActionArgs {
  ctx: Ctx;
  value: ButtonValue;
  body: BlockAction;
  client: WebClient;
  /** Answers the user who clicked, visible only to them. */
  tell: (text: string, blocks?: unknown[]) => Promise<void>;
}

/**
 * A button listener: acks at once (before any Web API call), resolves who clicked where, and answers failures
 * politely to that user: a refusal in its own words, anything else (the database gone) that nothing was saved and to
 * try again; privately in the channel, or in a DM when that cannot be.
 */
export function onButton(
  app: App,
  deps: SlackDeps,
  actionId: string,
  handle: (args: ActionArgs) => Promise<void>,
) {
  route<SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs>(
    app,
    "action",
    actionId,
    async ({ ack, body, action, client }) => {
      await ack();
      const channel = body.channel?.id ?? body.container?.channel_id;
      const tell = (text: string, blocks?: unknown[]) =>
        tellUser(client, channel, body.user.id, text, blocks);
      let ctx: Ctx | null = null;
      try {
        ctx = await slackCtx(deps, client, teamOf(body as unknown as Record<string, unknown>), body.user.id);
        const value = decodeValue(action.value);
        if (!value) throw new Error("unreadable button value");
        await handle({ ctx, value, body, client, tell });
      } catch (error) {
        // A double click on an out-of-date button is refused twice: its user hears it once.
        const click = [teamOf(body as unknown as Record<string, unknown>), channel, body.user.id, actionId];
        const stale = error instanceof AppError && error.code === "stale";
        if (stale && !deps.told.first(`${click.join(" ")} ${action.value}`)) return;
        const text = notSavedText(deps, ctx?.workspace.language ?? "da", error);
        await tell(text)
          .catch(() => client.chat.postMessage({ channel: body.user.id, text }))
          .catch((e) => deps.log.warn("could not tell a user their click failed", { error: String(e) }));
      }
    },
  );
}

/** A move button (next, back, skip): moves from the version the user saw, so two clicks at once move once. */
export function onMove(app: App, deps: SlackDeps, actionId: string, type: Move["type"]) {
  onButton(app, deps, actionId, async ({ ctx, value, tell }) => {
    const move = { type } as Move;
    const result = await deps.core.move(
      ctx,
      { discussionId: value.d, expectedVersion: value.v ?? -1, move },
      null,
    );
    if (result.synced === false) await tell(t(ctx.workspace.language, "command.not_synced"));
  });
}

/** A button that opens an entry form for its point; `kind` null means the form named in the button's value. */
export function onOpenForm(app: App, deps: SlackDeps, actionId: string, kind: FormKind | null) {
  onButton(app, deps, actionId, async ({ ctx, value, body, client }) => {
    const form = (kind ?? value.f) as FormKind;
    const spec = formSpec(form, await deps.core.formContext(ctx, value.d, form));
    const metadata = JSON.stringify({ k: form, d: value.d, p: value.p });
    await client.views.open({
      trigger_id: body.trigger_id,
      view: formModal(spec, VIEW.entry, metadata, ctx.workspace.language),
    });
  });
}
