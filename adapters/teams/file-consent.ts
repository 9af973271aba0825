import type { OutboundFile } from "../../src/app/chat-port.ts";
import type { Ctx } from "../../src/app/index.ts";
import { fileCard } from "../cards/draw/other.ts";
import type { Content, FileAttachment } from "./connector.ts";
import type { TeamsDeps } from "./context.ts";
import { t } from "./texts.ts";

export const FILE_CONSENT_TYPE = "application/vnd.microsoft.teams.card.file.consent";
export const FILE_INFO_TYPE = "application/vnd.microsoft.teams.card.file.info";

const FALLBACK_LINK_MINUTES = 60;

/** Where a file kept for download is fetched (files-route.ts). */
export const fileLink = (base: string, workspaceId: string, token: string) =>
  `${base.replace(/\/$/, "")}/teams/files/${workspaceId}/${token}`;

/** Names the kept file in the card's accept and decline context, which Teams hands back on the user's answer. */
interface Offer {
  w: string;
  f: string;
}

/** Teams' file consent card for a file kept under `token`: the user accepts it into their OneDrive or declines. */
export function consentCard(workspaceId: string, token: string, file: OutboundFile): FileAttachment {
  const size =
    typeof file.content === "string" ? Buffer.byteLength(file.content, "utf8") : file.content.byteLength;
  const offer: Offer = { w: workspaceId, f: token };
  return {
    contentType: FILE_CONSENT_TYPE,
    name: file.name,
    content: { description: file.title, sizeInBytes: size, acceptContext: offer, declineContext: offer },
  };
}

/** The user's answer to a consent card, as the fileConsent/invoke activity carries it. */
export interface ConsentAnswer {
  action?: string;
  context?: unknown;
  uploadInfo?: {
    name?: string;
    uploadUrl?: string;
    contentUrl?: string;
    uniqueId?: string;
    fileType?: string;
  };
}

/** What the answer's turn can do: send into the personal chat, and remove the consent card answered. */
export interface ConsentTurn {
  send(content: Content): Promise<void>;
  removeCard(): Promise<void>;
}

const offerOf = (context: unknown): Offer | null => {
  const o = context as Partial<Offer> | null;
  return typeof o?.w === "string" && typeof o.f === "string" ? { w: o.w, f: o.f } : null;
};

/**
 * Accepted: the file's bytes go to the upload URL Teams gave (one PUT with Content-Range, as OneDrive takes a file
 * of this size), then the file's card is shown. Declined: a short note. A second answer to the same card finds the
 * file already taken and is told so; an upload that fails falls back to the expiring download link.
 */
export async function onFileConsent(
  deps: TeamsDeps,
  ctx: Ctx,
  answer: ConsentAnswer,
  turn: ConsentTurn,
): Promise<void> {
  const l = ctx.workspace.language;
  const say = (key: Parameters<typeof t>[1]) => turn.send({ text: t(l, key) });
  const offer = offerOf(answer.context);
  const file = offer && offer.w === ctx.workspace.id ? await deps.store.takeFile(offer.w, offer.f) : null;
  if (!file) return say("teams.file_offer_gone");
  await turn.removeCard().catch(() => {});
  if (answer.action !== "accept") return say("teams.file_declined");
  const info = answer.uploadInfo ?? {};
  const uploaded = info.uploadUrl ? await upload(info.uploadUrl, file.content).catch(() => false) : false;
  if (uploaded) {
    const attachment: FileAttachment = {
      contentType: FILE_INFO_TYPE,
      name: info.name ?? file.name,
      ...(info.contentUrl ? { contentUrl: info.contentUrl } : {}),
      content: { uniqueId: info.uniqueId ?? "", fileType: info.fileType ?? "" },
    };
    return turn.send({ attachment });
  }
  deps.log.warn("could not upload a file to OneDrive; offering the download link");
  const base = await deps.store.publicUrl(ctx.workspace.id);
  if (!base) return say("teams.file_upload_failed");
  // The offer's own time is not kept with it: an hour, the shortest any file is offered for.
  const token = await deps.store.saveFile(ctx.workspace.id, file, FALLBACK_LINK_MINUTES);
  await turn.send({ card: fileCard(l, file.name, file.name, fileLink(base, ctx.workspace.id, token)) });
}

async function upload(url: string, bytes: Buffer): Promise<boolean> {
  const response = await fetch(url, {
    method: "PUT",
    headers: {
      "content-type": "application/octet-stream",
      "content-range": `bytes 0-${bytes.length - 1}/${bytes.length}`,
    },
    body: new Uint8Array(bytes),
  });
  return response.ok;
}
