import type { Subcommand } from "../../../src/app/commands.ts";
import { workspaceAdmin } from "../admins.ts";
import { data } from "./data.ts";
import { deleteData } from "./delete.ts";
import { exportYear } from "./export.ts";
import { followup } from "./followup.ts";
import { help } from "./help.ts";
import { inspection } from "./inspection.ts";
import { plan } from "./plan.ts";
import { setup } from "./setup.ts";
import { start } from "./start.ts";
import { status } from "./status.ts";
import { summary } from "./summary.ts";
import type { SubcommandArgs, SubcommandHandler } from "./types.ts";

/** Every subcommand of /arbejdsmiljø, one file each. */
const HANDLERS: Record<Subcommand, SubcommandHandler> = {
  setup,
  plan,
  start,
  status,
  followup,
  summary,
  export: exportYear,
  inspection,
  data,
  delete: deleteData,
  help,
};

/**
 * Each subcommand runs knowing where it was typed (a command's answer is seen by its writer alone) and able to ask
 * Slack whether its writer administers the workspace (asked only while no employer is named).
 */
export const SUBCOMMAND_HANDLERS = Object.fromEntries(
  Object.entries(HANDLERS).map(([name, handler]) => [
    name,
    (args: SubcommandArgs) =>
      handler({
        ...args,
        ctx: {
          ...args.ctx,
          actor: { ...args.ctx.actor, isWorkspaceAdmin: workspaceAdmin(args.client, args.command.user_id) },
          place: { conversation: args.command.channel_id, private: true },
        },
      }),
  ]),
) as Record<Subcommand, SubcommandHandler>;
