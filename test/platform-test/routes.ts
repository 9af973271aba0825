import express, { type Express, type RequestHandler } from "express";
import { AppError, type Core, type Ctx, errorText } from "../../src/app/index.ts";
import type { TestchatStore } from "./store.ts";
import { t } from "./texts.ts";

export const PLATFORM_ID = "testchat";

/** One request: who clicks what, in which workspace and channel; `key` makes a retried click count once. */
interface Event {
  workspace: string;
  workspaceName?: string;
  channel: string;
  user: { id: string; name: string };
  key?: string;
  click: { type: string } & Record<string, unknown>;
}

type Run = (core: Core, ctx: Ctx, click: Event["click"], key: string | null) => Promise<unknown>;

/** The clicks the test platform takes, each one use case of the core with the click's fields as its input. */
const CLICKS: Record<string, Run> = {
  setup: (core, ctx, c, key) => core.setupWorkspace(ctx, c.input as never, key),
  schedule: (core, ctx, c, key) => core.schedule(ctx, c.input as never, key),
  start: (core, ctx, _c, key) => core.start(ctx, {}, key),
  record: (core, ctx, c, key) => core.record(ctx, c.input as never, key),
  next: (core, ctx, c, key) =>
    core.move(
      ctx,
      { discussionId: String(c.discussionId), expectedVersion: Number(c.version), move: { type: "next" } },
      key,
    ),
  conclude: (core, ctx, c, key) =>
    core.conclude(ctx, { discussionId: String(c.discussionId), expectedVersion: Number(c.version) }, key),
  approve: (core, ctx, c, key) =>
    core.approve(ctx, { discussionId: String(c.discussionId), version: Number(c.version) }, key),
};

/**
 * POST /testchat/events takes a click as JSON and answers with the use case's result (or the refusal's text, in the
 * workspace's language); GET /testchat/channel lists a channel's messages. Both ask for the configured secret.
 */
export function registerRoutes(http: Express, core: Core, store: TestchatStore, secret: string): void {
  const signed: RequestHandler = (req, res, next) =>
    req.get("x-testchat-secret") === secret ? next() : void res.status(401).end();

  http.post("/testchat/events", signed, express.json(), async (req, res) => {
    const event = req.body as Event;
    const actor = { userId: event.user.id, name: event.user.name };
    if (event.click.type === "install") {
      await core.markInstalled(PLATFORM_ID, event.workspace, event.workspaceName ?? "", actor.userId);
      return void res.json({ ok: true });
    }
    const ctx = {
      ...(await core.context(PLATFORM_ID, event.workspace, actor, event.workspaceName)),
      place: { conversation: event.channel, private: false },
    };
    const run = CLICKS[event.click.type];
    if (!run) {
      const text = t(ctx.workspace.language, "testchat.unknown_click", { type: event.click.type });
      return void res.json({ ok: false, text });
    }
    try {
      res.json({ ok: true, result: await run(core, ctx, event.click, event.key ?? null) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      res.json({ ok: false, text: errorText(ctx.workspace.language, error) });
    }
  });

  http.get("/testchat/channel", signed, async (req, res) => {
    const workspace = await core.context(PLATFORM_ID, String(req.query.workspace), { userId: "", name: "" });
    res.json(await store.list(workspace.workspace.id, String(req.query.channel)));
  });
}
