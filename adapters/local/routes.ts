import express, { type Express, type Request, type Response } from "express";
import { LANGUAGES, type Language } from "../../src/domain/types.ts";
import { sendDownload } from "../cards/download.ts";
import {
  act,
  COMMAND_NAME,
  type LocalEnv,
  languageNow,
  localCtx,
  NotFound,
  readable,
  write,
} from "./handle.ts";
import { CHANNEL, PEOPLE, type Person, personById } from "./people.ts";
import { isMessageId, type LocalMessage } from "./store.ts";
import { allKeys, type LocalKey, t } from "./texts.ts";

/** Longest text the page may send in one message (the core refuses long notes itself, in words). */
export const MAX_TEXT = 50_000;
const MAX_WAIT_S = 25;
const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const VERB = /^[a-z_]{1,40}$/;

class BadRequest extends Error {
  constructor(readonly key: LocalKey = "local.bad_request") {
    super(key);
  }
}

const roleLabel = (l: Language, p: Person) =>
  t(l, p.role === "employee" ? "local.role_employee" : `role.${p.role}`);

/** The page's texts in both languages: the local ones, and the role names the switcher shows. */
function texts(l: Language) {
  const keys = allKeys(l).filter((k) => k.startsWith("local.")) as LocalKey[];
  return Object.fromEntries(keys.map((k) => [k.slice("local.".length), t(l, k)]));
}

function requestOf(body: unknown): { person: Person; requestId: string; body: Record<string, unknown> } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new BadRequest();
  const b = body as Record<string, unknown>;
  const person = personById(b.as);
  if (!person) throw new BadRequest("local.unknown_person");
  if (typeof b.requestId !== "string" || !REQUEST_ID.test(b.requestId)) throw new BadRequest();
  return { person, requestId: b.requestId, body: b };
}

function textOf(value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") throw new BadRequest();
  if (value.length > MAX_TEXT) throw new BadRequest("local.too_long");
  return value;
}

/** Waits until something changed after `since` (or the time is up), then answers with what changed. */
async function changes(
  env: LocalEnv,
  workspaceId: string,
  person: Person,
  since: number,
  waitS: number,
  req: Request,
) {
  const read = () => env.store.changedSince(workspaceId, readable(person), since);
  let found = await read();
  const deadline = Date.now() + waitS * 1000;
  let gone = false;
  req.once("close", () => {
    gone = true;
  });
  while (found.length === 0 && !gone && Date.now() < deadline) {
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        env.store.changes.off("change", done);
        resolve();
      };
      // The change event wakes the poll at once; the timer also finds changes written by another process.
      const timer = setTimeout(done, Math.min(2000, Math.max(0, deadline - Date.now())));
      env.store.changes.once("change", done);
    });
    found = await read();
  }
  return found;
}

const publicMessage = (m: LocalMessage) => ({
  id: m.id,
  channel: m.channel === CHANNEL ? "channel" : "direct",
  threadId: m.threadId,
  author: m.author,
  text: m.body.text ?? null,
  cards: m.body.cards,
  file: m.body.file
    ? {
        url: `/local/files/${m.body.file.token}`,
        name: m.body.file.name,
        title: m.body.file.title,
        size: m.body.file.size,
      }
    : null,
  pinned: m.pinned,
  createdAt: m.createdAt,
  seq: m.seq,
});

type Handler = (req: Request, res: Response) => Promise<void>;

/** A handler whose failures are answered in the workspace's language: 400, 404, or 503 (logged). */
const answering =
  (env: LocalEnv, handler: Handler): Handler =>
  async (req, res) => {
    try {
      await handler(req, res);
    } catch (error) {
      const l = await languageNow(env).catch(() => "da" as const);
      if (error instanceof BadRequest) {
        res.status(400).json({ error: t(l, error.key, { max: MAX_TEXT }) });
      } else if (error instanceof NotFound) {
        res.status(404).json({ error: t(l, "local.not_found") });
      } else {
        env.log.error("local channel request failed", {
          error: String(error),
          stack: (error as Error)?.stack,
        });
        if (!res.headersSent) res.status(503).json({ error: t(l, "error.temporary") });
      }
    }
  };

/** The page's reads: its texts and people, the channel (long poll), and files to download. */
function registerReads(http: Express, env: LocalEnv) {
  http.get(
    "/local/session",
    answering(env, async (_req, res) => {
      const people = (l: Language) => PEOPLE.map((p) => ({ id: p.id, name: p.name, role: roleLabel(l, p) }));
      res.json({
        commandName: COMMAND_NAME,
        texts: Object.fromEntries(LANGUAGES.map((l) => [l, texts(l)])),
        people: Object.fromEntries(LANGUAGES.map((l) => [l, people(l)])),
      });
    }),
  );

  http.get(
    "/local/messages",
    answering(env, async (req, res) => {
      const person = personById(req.query.as);
      if (!person) throw new BadRequest("local.unknown_person");
      const since = Number(req.query.since ?? 0);
      const wait = Number(req.query.wait ?? 0);
      if (!Number.isSafeInteger(since) || since < 0 || !Number.isFinite(wait) || wait < 0)
        throw new BadRequest();
      const ctx = await localCtx(env, person);
      const found = await changes(env, ctx.workspace.id, person, since, Math.min(wait, MAX_WAIT_S), req);
      const cursor = found.reduce((max, m) => Math.max(max, m.seq), since);
      res.setHeader("cache-control", "no-store");
      res.json({ language: ctx.workspace.language, cursor, messages: found.map(publicMessage) });
    }),
  );

  http.get(
    "/local/files/:token",
    answering(env, async (req, res) => {
      const token = String(req.params.token ?? "");
      const person = PEOPLE[0] as Person;
      const ctx = await localCtx(env, person);
      const file = TOKEN.test(token) ? await env.store.file(ctx.workspace.id, token) : null;
      if (!file) throw new NotFound();
      sendDownload(res, file);
    }),
  );
}

/** The page's writes: a command or message, a reply in a thread, a button pressed. */
function registerWrites(http: Express, env: LocalEnv) {
  const json = express.json({ limit: "1mb" });

  http.post(
    "/local/command",
    json,
    answering(env, async (req, res) => {
      const { person, requestId, body } = requestOf(req.body);
      const message = await write(env, person, { text: textOf(body.text), threadId: null, requestId });
      res.json({ ok: true, id: message.id });
    }),
  );

  http.post(
    "/local/reply",
    json,
    answering(env, async (req, res) => {
      const { person, requestId, body } = requestOf(req.body);
      if (!isMessageId(body.threadId)) throw new BadRequest();
      const message = await write(env, person, {
        text: textOf(body.text),
        threadId: body.threadId,
        requestId,
      });
      res.json({ ok: true, id: message.id });
    }),
  );

  http.post(
    "/local/action",
    json,
    answering(env, async (req, res) => {
      const { person, requestId, body } = requestOf(req.body);
      const cardIndex = body.card ?? 0;
      if (!isMessageId(body.messageId) || typeof body.verb !== "string" || !VERB.test(body.verb)) {
        throw new BadRequest();
      }
      if (!Number.isInteger(cardIndex) || (cardIndex as number) < 0 || (cardIndex as number) > 50) {
        throw new BadRequest();
      }
      const { card, refusal } = await act(env, person, {
        messageId: body.messageId,
        cardIndex: cardIndex as number,
        verb: body.verb,
        data: body.data ?? {},
        requestId,
      });
      res.json({ ok: true, card, ...(refusal ? { refusal } : {}) });
    }),
  );
}

/** The page's JSON API: read the channel (long poll), write, press buttons, download files. */
export function registerApi(http: Express, env: LocalEnv) {
  registerReads(http, env);
  registerWrites(http, env);
}
