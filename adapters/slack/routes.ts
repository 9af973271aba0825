import type { App } from "@slack/bolt";

type Handler = (args: never) => Promise<void>;
type Kind = "action" | "view" | "event";
const routesByApp = new WeakMap<App, Record<Kind, Map<string, Handler>>>();

/**
 * Registers a button's, a modal's or an event's listener under its id (action_id, callback_id, event type). Bolt runs
 * every listener's middleware for every request, and with twenty listeners that cost more than Bolt's whole handling
 * of a request (measured in bench/README.md), so the app has one Bolt listener for all buttons, one for all modals
 * and one for all events, and these dispatch on the id.
 */
export function route<A>(app: App, kind: Kind, id: string, handler: (args: A) => Promise<void>) {
  let routes = routesByApp.get(app);
  if (!routes) {
    const tables = {
      action: new Map<string, Handler>(),
      view: new Map<string, Handler>(),
      event: new Map<string, Handler>(),
    };
    const dispatch = (table: Map<string, Handler>, key: string | undefined, args: unknown) =>
      key === undefined ? undefined : (table.get(key) as ((a: unknown) => Promise<void>) | undefined)?.(args);
    app.action(/.*/, async (args) => {
      await dispatch(tables.action, (args.action as { action_id?: string }).action_id, args);
    });
    app.view(/.*/, async (args) => {
      await dispatch(tables.view, args.view.callback_id, args);
    });
    app.event(/.*/, async (args) => {
      await dispatch(tables.event, args.event.type, args);
    });
    routesByApp.set(app, tables);
    routes = tables;
  }
  const table = routes[kind];
  if (table.has(id)) throw new Error(`Slack ${kind} ${id} has two listeners`);
  table.set(id, handler as Handler);
}
