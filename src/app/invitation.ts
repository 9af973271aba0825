import { AGENDA } from "../domain/agenda.ts";
import type { Discussion, Workspace } from "../domain/entities.ts";
import { invitationFileName } from "../domain/file-names.ts";
import type { Language } from "../domain/types.ts";
import { t } from "../i18n/index.ts";
import type { OutboundFile } from "./chat-port.ts";

const DEFAULT_MINUTES = 120;

/**
 * The meeting as an iCalendar invitation with the agenda. The UID stays the discussion's and SEQUENCE grows with its
 * version, so a calendar replaces the old invitation when the meeting is moved. (ics is loaded when first needed.)
 * Written in `lang`: the workspace's for the channel, the person's own when sent to them alone.
 */
export async function invitation(
  workspace: Workspace,
  discussion: Discussion,
  lang: Language = workspace.language,
): Promise<OutboundFile> {
  if (!discussion.scheduledAt) throw new Error("invitation needs a scheduled discussion");
  const { createEvent } = await import("ics");
  const agenda = AGENDA.map((p) => `${p.number}. ${p.title[lang]}`).join("\n");
  const { error, value } = createEvent({
    uid: `${discussion.id}@arbejdsmiljo-bot`,
    sequence: discussion.version,
    method: "PUBLISH",
    productId: "arbejdsmiljo-bot",
    start: discussion.scheduledAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: discussion.durationMinutes ?? DEFAULT_MINUTES },
    title: t(lang, "announcement.title", { year: discussion.year }),
    description: `${t(lang, "announcement.agenda")}:\n${agenda}`,
    ...(discussion.location ? { location: discussion.location } : {}),
    status: "CONFIRMED",
    busyStatus: "BUSY",
  });
  if (error || !value) throw error ?? new Error("could not build the invitation");
  return {
    name: invitationFileName(discussion.year),
    title: t(lang, "announcement.title", { year: discussion.year }),
    mimeType: "text/calendar",
    content: value,
  };
}
