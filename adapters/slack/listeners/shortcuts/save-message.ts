import type { App, MessageShortcut } from "@slack/bolt";
import { formSpec } from "../../../../src/app/forms.ts";
import { ACTIONS, AppError, type Ctx, languageOf } from "../../../../src/app/index.ts";
import { AGENDA } from "../../../../src/domain/agenda.ts";
import { t } from "../../../../src/i18n/index.ts";
import { COMMAND_NAME } from "../../command-name.ts";
import { notSavedText, type SlackDeps, slackCtx, tellUser } from "../../context.ts";
import { encodeValue } from "../../render/actions.ts";
import { formModal } from "../../render/forms.ts";
import { preInputModal } from "../../render/setup-modals.ts";

/** The message shortcuts, as the manifest names them: a message becomes a note or a decision. */
export const SHORTCUTS = { note: "message_to_note", decision: "message_to_decision" } as const;

type Kind = keyof typeof SHORTCUTS;

/**
 * A message in the workplace's channel saved as a note or decision on the point the meeting is at, with a link back
 * to it; between meetings, as a proposal to a point of the next one. The form opens filled in, to be checked first.
 */
export function register(app: App, deps: SlackDeps) {
  for (const kind of Object.keys(SHORTCUTS) as Kind[])
    app.shortcut<MessageShortcut>(SHORTCUTS[kind], async ({ ack, shortcut, client }) => {
      await ack();
      const channel = shortcut.channel.id;
      const user = shortcut.user.id;
      let ctx: Ctx | null = null;
      try {
        ctx = await slackCtx(deps, client, shortcut.team?.id ?? "", user);
        const inChannel = { ...ctx, place: { conversation: channel, private: false } };
        const { discussion } = await deps.core.status(inChannel);
        const l = languageOf(ctx);
        if (!discussion || (discussion.status !== "running" && discussion.status !== "planned"))
          return await tellUser(
            client,
            channel,
            user,
            t(l, "shortcut.no_discussion", { command: COMMAND_NAME }),
          );
        const link = await client.chat.getPermalink({ channel, message_ts: shortcut.message_ts }).then(
          (r) => r.permalink ?? null,
          () => null,
        );
        const text = [shortcut.message.text ?? "", link ? t(l, "shortcut.from_message", { link }) : ""]
          .filter(Boolean)
          .join("\n\n");
        const view =
          discussion.status === "running"
            ? await pointForm(deps, ctx, discussion.id, discussion.currentPoint ?? 1, kind, text)
            : proposalForm(ctx, discussion.id, text);
        await client.views.open({ trigger_id: shortcut.trigger_id, view });
      } catch (error) {
        const l = ctx ? languageOf(ctx) : "da";
        // Only messages of the channel the discussion is held in: anywhere else the record would take in strangers'.
        const elsewhere = error instanceof AppError && error.code === "forbidden";
        const text = elsewhere ? t(l, "shortcut.elsewhere") : notSavedText(deps, l, error);
        await tellUser(client, channel, user, text).catch((e) =>
          deps.log.warn("could not answer a message shortcut", { error: String(e) }),
        );
      }
    });
}

/** The note or decision form of the point the meeting is at, its text filled in. */
async function pointForm(
  deps: SlackDeps,
  ctx: Ctx,
  discussionId: string,
  point: number,
  kind: Kind,
  text: string,
) {
  const spec = formSpec(kind, await deps.core.formContext(ctx, discussionId, kind));
  const metadata = encodeValue(ACTIONS.saveEntry, { k: kind, d: discussionId, p: point });
  return formModal(spec, ACTIONS.saveEntry.id, metadata, languageOf(ctx), { text });
}

/** Between meetings: a proposal to a point of the planned one, its text filled in. */
function proposalForm(ctx: Ctx, discussionId: string, text: string) {
  const l = languageOf(ctx);
  const points = AGENDA.map((p) => ({ number: p.number, title: p.title[l] }));
  const metadata = encodeValue(ACTIONS.saveEntry, { k: "pre_input", d: discussionId });
  return preInputModal(l, metadata, points, text);
}
