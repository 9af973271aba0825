import type { NextFunction, Request, Response } from "express";
import { t } from "./texts.ts";

const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/i;

/**
 * The local channel has no login: it answers only requests addressed to this computer (no DNS rebinding) and, for
 * changes, only from its own page (another site open in the browser cannot post to it).
 */
export function localOnly(req: Request, res: Response, next: NextFunction) {
  const host = req.headers.host ?? "";
  const origin = req.headers.origin;
  const sameOrigin = !origin || origin === `http://${host}` || origin === `https://${host}`;
  if (!LOCAL_HOST.test(host) || (req.method !== "GET" && req.method !== "HEAD" && !sameOrigin)) {
    res.status(403).json({ error: t("da", "local.forbidden"), errorEn: t("en", "local.forbidden") });
    return;
  }
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("referrer-policy", "no-referrer");
  next();
}
