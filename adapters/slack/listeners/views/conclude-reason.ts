import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../context.ts";
import { decodeValue, VIEW } from "../../render/actions.ts";
import { fieldState, stateValue } from "../../render/forms.ts";
import { inlineErrors, onSubmit } from "./shared.ts";

/** Concludes although something is missing; the reason and who gave it go into the record. */
export function register(app: App, deps: SlackDeps) {
  onSubmit(app, deps, VIEW.concludeReason, async ({ ctx, state, metadata, args }) => {
    const value = decodeValue(metadata);
    const reason = stateValue(fieldState(state, "reason")) ?? "";
    try {
      await deps.core.conclude(
        ctx,
        { discussionId: value?.d ?? "", expectedVersion: value?.v ?? -1, overrideReason: reason },
        `view:${args.body.view.id}`,
      );
      return undefined;
    } catch (error) {
      const errors = inlineErrors(ctx, error, () => "reason");
      if (errors) return errors;
      throw error;
    }
  });
}
