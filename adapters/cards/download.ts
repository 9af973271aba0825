import type { Response } from "express";

/**
 * Sends a stored file as a download: a safe file name, never sniffed, never cached. Teams and the local channel offer
 * files (the summary, exports) as download links, since a card cannot carry one.
 */
export function sendDownload(
  res: Response,
  file: { name: string; mimeType: string; content: Buffer | Uint8Array | string },
) {
  const ascii = file.name.replace(/[^A-Za-z0-9._-]/g, "_");
  res.setHeader(
    "content-type",
    file.mimeType.startsWith("text/") ? `${file.mimeType}; charset=utf-8` : file.mimeType,
  );
  res.setHeader(
    "content-disposition",
    `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
  );
  res.setHeader("cache-control", "private, no-store");
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("referrer-policy", "no-referrer");
  res.send(file.content);
}
