import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { Ctx } from "../../../../src/app/index.ts";
import { AppError, problemText } from "../../../../src/app/index.ts";
import { failureText, type SlackDeps, slackCtx, userName } from "../../context.ts";
import type { ViewState } from "../../render/forms.ts";
import { route } from "../../routes.ts";

export type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

export interface SubmitContext {
  ctx: Ctx;
  state: ViewState;
  metadata: string;
  args: SubmitArgs;
  /** The person chosen in a user picker, with the name the written record needs. */
  person: (userId: string | null) => Promise<{ id: string; name: string } | null>;
}

/**
 * A modal submit: the work runs before the ack so refused fields are shown inline in the modal
 * (`response_action: errors`); anything else that fails closes the modal and tells the user in a DM.
 */
export function onSubmit(
  app: App,
  deps: SlackDeps,
  callbackId: string,
  handle: (s: SubmitContext) => Promise<Record<string, string> | { after: () => Promise<void> } | undefined>,
) {
  route<SubmitArgs>(app, "view", callbackId, async (args) => {
    const { ack, body, view, client } = args;
    let ctx: Ctx | null = null;
    try {
      ctx = await slackCtx(deps, client, body.team?.id ?? body.user.team_id ?? "", body.user.id);
      const person = async (id: string | null) => (id ? { id, name: await userName(client, id) } : null);
      const errors = await handle({
        ctx,
        state: view.state.values as ViewState,
        metadata: view.private_metadata,
        args,
        person,
      });
      if (errors && "after" in errors && typeof errors.after === "function") {
        // Checked and accepted: close the modal now and do the work after (Slack wants an answer within 3 s).
        await ack();
        await errors.after();
      } else if (errors && Object.keys(errors).length > 0) {
        await ack({ response_action: "errors", errors: errors as Record<string, string> });
      } else await ack();
    } catch (error) {
      await ack().catch(() => {}); // already acked when the work after the ack failed
      const language = ctx?.workspace.language ?? "da";
      await client.chat
        .postMessage({ channel: body.user.id, text: failureText(deps, language, error) })
        .catch(() => {});
    }
  });
}

/** An AppError about fields, as inline modal errors; undefined when the error is of another kind. */
export function inlineErrors(
  ctx: Ctx,
  error: unknown,
  mapField: (field: string) => string = (f) => f,
): Record<string, string> | undefined {
  if (!(error instanceof AppError) || Object.keys(error.problems).length === 0) return undefined;
  const errors: Record<string, string> = {};
  for (const [field, problem] of Object.entries(error.problems)) {
    errors[mapField(field)] ??= problemText(ctx.workspace.language, problem);
  }
  return errors;
}
