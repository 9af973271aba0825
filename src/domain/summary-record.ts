import { formatDateTime, type MessageKey, t } from "../i18n/index.ts";
import { type RecordVersion, recordStatus, type SummaryDocument } from "./summary.ts";
import type { Block, Section } from "./summary-outline.ts";
import type { Role } from "./types.ts";

/**
 * What a version's record holds besides its text: its status, who approved it, and the versions with their hashes.
 * These change after the text is written (an approval), so they stand apart from the text the hash is taken over.
 */
export interface RecordState {
  version: number;
  sha256: string;
  approvals: { name: string; role: Role; at: Date }[];
  approved: boolean;
  /** Every version, oldest first; this one among them. */
  versions: RecordVersion[];
}

type Tr = (key: MessageKey, params?: Record<string, string | number>) => string;

const EMPLOYER_SIDE: readonly Role[] = ["employer", "employer_representative"];

/** The one status word every format shows. */
export function statusWord(doc: SummaryDocument, record: Pick<RecordState, "approved">): string {
  return t(doc.language, `status.${recordStatus(doc.status, record.approved)}`);
}

/** Status, and each side's approval (who, role, when) or that it is awaited. */
export function approvalSection(doc: SummaryDocument, record: RecordState): Section {
  const tr: Tr = (key, params) => t(doc.language, key, params);
  const when = (at: Date) => formatDateTime(doc.language, at, doc.timeZone);
  const side = (employer: boolean) =>
    record.approvals.filter((a) => EMPLOYER_SIDE.includes(a.role) === employer);
  const row = (label: MessageKey, approvals: RecordState["approvals"]) => ({
    label: tr(label),
    value: approvals.length
      ? approvals
          .map((a) =>
            tr("summary.approved_by", { name: a.name, role: tr(`role.${a.role}`), when: when(a.at) }),
          )
          .join("; ")
      : tr("summary.awaiting"),
  });
  const blocks: Block[] = [
    {
      type: "facts",
      facts: [
        { label: tr("summary.status"), value: statusWord(doc, record) },
        row("summary.side_employer", side(true)),
        row("summary.side_employees", side(false)),
      ],
    },
  ];
  return { level: 2, title: tr("summary.record"), blocks };
}

/** Every version with its fingerprint, and what the fingerprint is taken over. */
export function versionsSection(doc: SummaryDocument, record: RecordState): Section {
  const tr: Tr = (key, params) => t(doc.language, key, params);
  const versions = record.versions.length
    ? record.versions
    : [{ version: record.version, sha256: record.sha256, createdAt: null }];
  const items = versions.map((v) => ({
    text: tr(v.version === record.version ? "summary.version_this" : "summary.version_of", {
      version: v.version,
      when: v.createdAt ? formatDateTime(doc.language, v.createdAt, doc.timeZone) : "-",
    }),
    details: [`SHA-256 ${v.sha256}`],
  }));
  return {
    level: 2,
    title: tr("summary.versions"),
    blocks: [
      { type: "items", items },
      { type: "text", text: tr("summary.hash_note") },
    ],
  };
}

/** The record part in the order Markdown and the PDF give it, after the text. */
export function recordSections(doc: SummaryDocument, record: RecordState): Section[] {
  return [approvalSection(doc, record), versionsSection(doc, record)];
}
