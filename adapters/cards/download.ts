import { create as contentDisposition } from "content-disposition";
import type { Response } from "express";
import { asciiFileName } from "../../src/domain/file-names.ts";

/**
 * Sends a stored file as a download: a safe file name, never sniffed, never cached. Teams and the local channel offer
 * files (the summary, exports) as download links, since a card cannot carry one.
 */
export function sendDownload(
  res: Response,
  file: { name: string; mimeType: string; content: Buffer | Uint8Array | string },
) {
  res.setHeader(
    "content-type",
    file.mimeType.startsWith("text/") ? `${file.mimeType}; charset=utf-8` : file.mimeType,
  );
  // RFC 6266: the name as written (filename*, UTF-8), and a plain ASCII one for clients that cannot read that.
  res.setHeader("content-disposition", contentDisposition(file.name, { fallback: asciiFileName(file.name) }));
  res.setHeader("cache-control", "private, no-store");
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("referrer-policy", "no-referrer");
  res.send(file.content);
}
