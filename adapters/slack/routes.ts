import type { App } from "@slack/bolt";

type Handler = (args: never) => Promise<void>;
type Kind = "action" | "view" | "event" | "command";
type Tables = Record<Kind, Map<string, Handler>>;
const routesByApp = new WeakMap<App, Tables>();

/** The ids Bolt's arguments carry, for each kind of request. */
interface RoutedArgs {
  action?: { action_id?: string };
  view?: { callback_id?: string };
  event?: { type?: string };
  command?: { command?: string };
  next: () => Promise<void>;
}

/**
 * Registers a button's, a modal's, an event's or a slash command's listener under its id (action_id, callback_id,
 * event type, command name). Bolt runs every listener's middleware for every request, copying its arguments at each
 * step, and with twenty listeners that cost more than Bolt's whole handling of a request (measured in
 * bench/README.md). So the app has no Bolt listener at all: one global middleware, the last, dispatches on the id.
 * What no route takes goes on to Bolt's listeners (there are none, so Bolt reports it unhandled, as it would).
 */
export function route<A>(app: App, kind: Kind, id: string, handler: (args: A) => Promise<void>) {
  let tables = routesByApp.get(app);
  if (!tables) {
    const created: Tables = { action: new Map(), view: new Map(), event: new Map(), command: new Map() };
    app.use(async (args) => {
      const routed = args as unknown as RoutedArgs;
      const handle = handlerFor(created, routed);
      if (handle) await (handle as (a: unknown) => Promise<void>)(args);
      else await routed.next();
    });
    routesByApp.set(app, created);
    tables = created;
  }
  const table = tables[kind];
  if (table.has(id)) throw new Error(`Slack ${kind} ${id} has two listeners`);
  table.set(id, handler as Handler);
}

/** The listener registered for this request's id, if any. */
function handlerFor(tables: Tables, args: RoutedArgs): Handler | undefined {
  if (args.action) return tables.action.get(args.action.action_id ?? "");
  if (args.view) return tables.view.get(args.view.callback_id ?? "");
  if (args.event) return tables.event.get(args.event.type ?? "");
  if (args.command) return tables.command.get(args.command.command ?? "");
  return undefined;
}
