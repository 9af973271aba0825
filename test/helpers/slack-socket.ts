import { createHash, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";

/**
 * A local stand-in for Slack's Socket Mode endpoint: a bare WebSocket server (RFC 6455, text frames, ping/pong)
 * that says hello, delivers envelopes the way Slack does, and records the app's acks.
 */
export class FakeSocketMode {
  acks: { envelope_id: string; payload?: unknown }[] = [];
  private server: Server | null = null;
  private sockets = new Set<Duplex>();
  url = "";

  async start(): Promise<string> {
    const server = createServer((_req, res) => res.writeHead(426).end());
    server.on("upgrade", (req, socket) => {
      const key = String(req.headers["sec-websocket-key"] ?? "");
      const accept = createHash("sha1").update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest("base64");
      socket.write(
        `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
      );
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
      socket.on("error", () => this.sockets.delete(socket));
      let buffered = Buffer.alloc(0);
      socket.on("data", (chunk: Buffer) => {
        buffered = Buffer.concat([buffered, chunk]);
        for (;;) {
          const frame = readFrame(buffered);
          if (!frame) break;
          buffered = buffered.subarray(frame.size);
          if (frame.opcode === 0x9) socket.write(writeFrame(frame.payload, 0xa));
          else if (frame.opcode === 0x8) socket.end(writeFrame(Buffer.alloc(0), 0x8));
          else if (frame.opcode === 0x1) this.acks.push(JSON.parse(frame.payload.toString("utf8")));
        }
      });
      this.send(
        {
          type: "hello",
          num_connections: 1,
          debug_info: { host: "fake" },
          connection_info: { app_id: "A1" },
        },
        socket,
      );
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    this.url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/link`;
    return this.url;
  }

  get connected(): number {
    return this.sockets.size;
  }

  /** Delivers an envelope (slash_commands, interactive, events_api) to the app and returns its id. */
  deliver(type: "slash_commands" | "interactive" | "events_api", payload: unknown, retryAttempt = 0): string {
    const envelopeId = randomUUID();
    this.send({
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload: type !== "events_api",
      ...(type === "events_api"
        ? { retry_attempt: retryAttempt, retry_reason: retryAttempt ? "timeout" : "" }
        : {}),
    });
    return envelopeId;
  }

  async stop() {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private send(message: unknown, only?: Duplex) {
    const frame = writeFrame(Buffer.from(JSON.stringify(message), "utf8"), 0x1);
    for (const socket of only ? [only] : this.sockets) socket.write(frame);
  }
}

/** One frame from the client (always masked), or null when more bytes are needed. */
function readFrame(buf: Buffer): { opcode: number; payload: Buffer; size: number } | null {
  if (buf.length < 2) return null;
  const opcode = (buf[0] as number) & 0x0f;
  const masked = ((buf[1] as number) & 0x80) !== 0;
  let length = (buf[1] as number) & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buf.length < 4) return null;
    length = buf.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buf.length < 10) return null;
    length = Number(buf.readBigUInt64BE(2));
    offset = 10;
  }
  const maskOffset = offset;
  if (masked) offset += 4;
  if (buf.length < offset + length) return null;
  const payload = Buffer.from(buf.subarray(offset, offset + length));
  if (masked)
    for (let i = 0; i < payload.length; i++)
      payload[i] = (payload[i] as number) ^ (buf[maskOffset + (i % 4)] as number);
  return { opcode, payload, size: offset + length };
}

/** A server frame (never masked). */
function writeFrame(payload: Buffer, opcode: number): Buffer {
  const head =
    payload.length < 126
      ? Buffer.from([0x80 | opcode, payload.length])
      : payload.length < 65536
        ? Buffer.concat([Buffer.from([0x80 | opcode, 126]), u16(payload.length)])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), u64(payload.length)]);
  return Buffer.concat([head, payload]);
}

const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n);
  return b;
};
const u64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
};
