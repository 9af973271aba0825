import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";

const firstOf = (header: string | string[] | undefined) =>
  String(header ?? "")
    .split(",")[0]
    ?.trim() ?? "";
const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/**
 * The address the Bot Connector reached us at (download links are built on it): the Host header and the socket, or
 * a reverse proxy's X-Forwarded-Host and -Proto when TRUST_PROXY=1 (otherwise anyone could name the links' host).
 */
export function publicUrlOf(req: IncomingMessage, trustProxy: boolean): string | null {
  const host = (trustProxy && firstOf(req.headers["x-forwarded-host"])) || firstOf(req.headers.host);
  if (!HOST.test(host)) return null;
  const forwarded = trustProxy ? firstOf(req.headers["x-forwarded-proto"]).toLowerCase() : "";
  const proto =
    forwarded === "https" || forwarded === "http"
      ? forwarded
      : (req.socket as TLSSocket).encrypted
        ? "https"
        : "http";
  return `${proto}://${host}`;
}
