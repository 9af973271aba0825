import type { Subcommand } from "../../../src/app/commands.ts";
import { data } from "./data.ts";
import { deleteData } from "./delete.ts";
import { exportYear } from "./export.ts";
import { followup } from "./followup.ts";
import { help } from "./help.ts";
import { plan } from "./plan.ts";
import { setup } from "./setup.ts";
import { start } from "./start.ts";
import { status } from "./status.ts";
import { summary } from "./summary.ts";
import type { SubcommandHandler } from "./types.ts";

/** Every subcommand of /arbejdsmiljø, one file each. */
export const SUBCOMMAND_HANDLERS: Record<Subcommand, SubcommandHandler> = {
  setup,
  plan,
  start,
  status,
  followup,
  summary,
  export: exportYear,
  data,
  delete: deleteData,
  help,
};
