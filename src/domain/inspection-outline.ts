import { formatDate, formatDateTime, formatNumber, type MessageKey, t } from "../i18n/index.ts";
import { INSPECTION_TABLE_FILES } from "./file-names.ts";
import type { InspectionFolder } from "./inspection.ts";
import type { FolderAction, FolderMember, ReadinessIssue } from "./readiness.ts";
import { type Block, type Fact, type Item, summaryOutline } from "./summary-outline.ts";
import { recordSections } from "./summary-record.ts";

/** A table: drawn as one in the PDF and Markdown, and handed out as its own CSV file. */
export interface Table {
  type: "table";
  /** The CSV file's name, without extension. */
  file: string;
  headers: string[];
  rows: string[][];
  /** The columns holding short values (a year, a count): drawn narrow in the PDF. */
  narrow?: number[];
}
export type FolderBlock = Block | Table;
export interface FolderSection {
  level: 2 | 3;
  title: string;
  blocks: FolderBlock[];
  /** Starts on a page of its own (the referat, at the end). */
  newPage?: boolean;
}
export interface FolderOutline {
  title: string;
  facts: Fact[];
  sections: FolderSection[];
}

type Tr = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The inspection folder as one outline: the readiness check first, then what an inspector asks to see. */
export function inspectionOutline(folder: InspectionFolder): FolderOutline {
  const tr: Tr = (key, params) => t(folder.language, key, params);
  return {
    title: tr("inspection.title"),
    facts: [
      { label: tr("summary.workspace"), value: folder.workspaceName || "-" },
      {
        label: tr("inspection.made"),
        value: formatDateTime(folder.language, folder.createdAt, folder.timeZone),
      },
      {
        label: tr("inspection.headcount"),
        value: folder.headcount === null ? "-" : String(folder.headcount),
      },
    ],
    sections: [
      readinessSection(folder, tr),
      referaterSection(folder, tr),
      membersSection(folder, tr),
      apvSection(folder, tr),
      figuresSection(folder, tr),
      openSection(folder, tr),
      logSection(folder, tr),
      ...referatSections(folder, tr),
    ],
  };
}

function readinessSection(folder: InspectionFolder, tr: Tr): FolderSection {
  if (folder.readiness.length === 0)
    return {
      level: 2,
      title: tr("inspection.ready"),
      blocks: [{ type: "text", text: tr("inspection.all_ready") }],
    };
  return {
    level: 2,
    title: tr("inspection.ready"),
    blocks: [
      { type: "text", text: tr("inspection.missing_intro", { count: folder.readiness.length }) },
      { type: "items", items: folder.readiness.map((issue) => issueItem(folder, tr, issue)) },
    ],
  };
}

/** What is missing, and underneath it what to do. */
function issueItem(folder: InspectionFolder, tr: Tr, issue: ReadinessIssue): Item {
  const date = (d: string) => formatDate(folder.language, d, folder.timeZone);
  switch (issue.kind) {
    case "no_discussion":
      return {
        text: issue.lastHeldOn
          ? tr("inspection.issue.no_discussion_since", { date: date(issue.lastHeldOn) })
          : tr("inspection.issue.no_discussion"),
        details: [tr("inspection.todo.no_discussion", { command: folder.command })],
      };
    case "referat_not_approved":
      return { text: tr("inspection.issue.not_approved"), details: [tr("inspection.todo.not_approved")] };
    case "apv_missing":
      return { text: tr("inspection.issue.apv_missing"), details: [tr("inspection.todo.apv")] };
    case "apv_old":
      return {
        text: tr("inspection.issue.apv_old", { date: date(issue.lastApvDate), due: date(issue.dueBy) }),
        details: [tr("inspection.todo.apv")],
      };
    case "course_missing":
      return {
        text: issue.dueBy
          ? tr(issue.overdue ? "inspection.issue.course_overdue" : "inspection.issue.course_due", {
              name: issue.name,
              due: date(issue.dueBy),
            })
          : tr("inspection.issue.course_missing", { name: issue.name }),
        details: [tr("inspection.todo.course")],
      };
    case "overdue":
      return {
        text: tr("inspection.issue.overdue", {
          text: issue.action.text,
          due: issue.action.deadline ? date(issue.action.deadline) : "-",
        }),
        details: [tr("inspection.todo.overdue", { command: folder.command })],
      };
  }
}

function referaterSection(folder: InspectionFolder, tr: Tr): FolderSection {
  const blocks: FolderBlock[] = [];
  const shown = folder.referat;
  blocks.push({
    type: "text",
    text: shown
      ? tr(shown.record.approved ? "inspection.referat_latest" : "inspection.referat_unapproved", {
          year: shown.doc.year,
          version: shown.record.version,
        })
      : tr("inspection.no_referat"),
  });
  if (folder.referater.length)
    blocks.push({
      type: "table",
      file: INSPECTION_TABLE_FILES.referater,
      narrow: [0, 1],
      headers: [
        tr("inspection.col.year"),
        tr("inspection.col.version"),
        tr("inspection.col.written"),
        tr("summary.status"),
        "SHA-256",
      ],
      rows: folder.referater.map((v) => [
        String(v.year),
        String(v.version),
        formatDate(folder.language, v.createdAt, folder.timeZone),
        tr(v.approved ? "status.approved" : "inspection.not_approved"),
        v.sha256,
      ]),
    });
  blocks.push({ type: "text", text: tr("summary.hash_note") });
  return { level: 2, title: tr("inspection.referater"), blocks };
}

function membersSection(folder: InspectionFolder, tr: Tr): FolderSection {
  const title = tr(folder.hasAmo ? "inspection.amo" : "inspection.participants");
  if (folder.members.length === 0)
    return {
      level: 2,
      title,
      blocks: [{ type: "text", text: tr("inspection.no_members", { command: folder.command }) }],
    };
  const date = (d: string | null) => (d ? formatDate(folder.language, d, folder.timeZone) : "-");
  return {
    level: 2,
    title,
    blocks: [
      ...(folder.hasAmo ? [] : [{ type: "text" as const, text: tr("inspection.participants_note") }]),
      {
        type: "table",
        file: INSPECTION_TABLE_FILES.members,
        headers: [
          tr("inspection.col.name"),
          tr("inspection.col.role"),
          tr("inspection.col.joined"),
          tr("inspection.col.course"),
        ],
        rows: folder.members.map((m) => [
          m.name,
          tr(`role.${m.role}`),
          date(m.joinedOn),
          [tr(`inspection.course.${m.course}`), supplementaryText(folder, tr, m.supplementary)]
            .filter(Boolean)
            .join("; "),
        ]),
      },
    ],
  };
}

/** "supplerende: 1,5 af 2 dage, tilbudt", or that nothing was recorded; empty where it is no duty or unknown. */
function supplementaryText(folder: InspectionFolder, tr: Tr, s: FolderMember["supplementary"]): string {
  if (!s) return "";
  const days = (n: number) => formatNumber(folder.language, n);
  const taken =
    s.taken === null
      ? tr("inspection.not_recorded")
      : tr("inspection.supplementary_taken", { taken: days(s.taken), due: days(s.due) });
  const offered =
    s.offered === null ? "" : `, ${tr(s.offered ? "inspection.offered" : "inspection.not_offered")}`;
  return `${tr("inspection.supplementary")}: ${taken}${offered}`;
}

function apvSection(folder: InspectionFolder, tr: Tr): FolderSection {
  const { apv } = folder;
  const date = (d: string | null) =>
    d ? formatDate(folder.language, d, folder.timeZone) : tr("inspection.not_recorded");
  const blocks: FolderBlock[] = [
    {
      type: "facts",
      facts: [
        { label: tr("inspection.apv_date"), value: date(apv.lastApvDate) },
        { label: tr("inspection.apv_next"), value: date(apv.nextPlanned) },
        { label: tr("inspection.apv_plan"), value: apv.actionPlanStatus ?? tr("inspection.not_recorded") },
      ],
    },
  ];
  blocks.push(
    apv.actions.length
      ? actionTable(folder, tr, apv.actions, INSPECTION_TABLE_FILES.apv)
      : { type: "text", text: tr("inspection.apv_no_actions") },
  );
  return { level: 2, title: tr("inspection.apv"), blocks };
}

function figuresSection(folder: InspectionFolder, tr: Tr): FolderSection {
  const none = tr("inspection.not_recorded");
  const rows = folder.years.map((year) => {
    const f = folder.figures.find((y) => y.year === year);
    return f
      ? [
          String(year),
          String(f.accidents),
          String(f.nearMisses),
          String(f.poisonings),
          String(f.healthDamage),
        ]
      : [String(year), none, none, none, none];
  });
  return {
    level: 2,
    title: tr("inspection.figures"),
    blocks: [
      {
        type: "table",
        file: INSPECTION_TABLE_FILES.figures,
        headers: [
          tr("inspection.col.year"),
          tr("inspection.col.accidents"),
          tr("inspection.col.near_misses"),
          tr("inspection.col.poisonings"),
          tr("inspection.col.health_damage"),
        ],
        rows,
      },
      { type: "text", text: tr("inspection.figures_note") },
    ],
  };
}

function openSection(folder: InspectionFolder, tr: Tr): FolderSection {
  return {
    level: 2,
    title: tr("inspection.open"),
    blocks: [
      folder.open.length
        ? actionTable(folder, tr, folder.open, INSPECTION_TABLE_FILES.open)
        : { type: "text", text: tr("command.no_open_items") },
    ],
  };
}

function actionTable(folder: InspectionFolder, tr: Tr, actions: FolderAction[], file: string): Table {
  return {
    type: "table",
    file,
    narrow: [0],
    headers: [
      tr("inspection.col.year"),
      tr("inspection.col.what"),
      tr("followup.owner"),
      tr("followup.deadline"),
      tr("followup.status"),
    ],
    rows: actions.map((a) => [
      String(a.year),
      `${tr(a.kind === "goal" ? "inspection.kind.goal" : "inspection.kind.decision")}: ${a.text}`,
      a.owner ?? "-",
      a.deadline ? formatDate(folder.language, a.deadline, folder.timeZone) : "-",
      tr(a.status === "done" ? "entry.done" : a.overdue ? "followup.overdue" : "followup.open"),
    ]),
  };
}

function logSection(folder: InspectionFolder, tr: Tr): FolderSection {
  if (folder.log.length === 0)
    return {
      level: 2,
      title: tr("inspection.log"),
      blocks: [{ type: "text", text: tr("inspection.log_empty") }],
    };
  return {
    level: 2,
    title: tr("inspection.log"),
    blocks: [
      { type: "text", text: tr("inspection.log_note") },
      {
        type: "table",
        file: INSPECTION_TABLE_FILES.log,
        headers: [tr("inspection.col.when"), tr("inspection.col.who"), tr("inspection.col.event")],
        rows: folder.log.map((l) => [
          formatDateTime(folder.language, l.at, folder.timeZone),
          l.who,
          tr(`inspection.audit.${l.action}` as MessageKey, { version: l.version ?? "-" }),
        ]),
      },
    ],
  };
}

/** The referat itself, on pages of its own at the end: its text, then its approvals and versions. */
function referatSections(folder: InspectionFolder, tr: Tr): FolderSection[] {
  if (!folder.referat) return [];
  const { doc, record } = folder.referat;
  const outline = summaryOutline(doc);
  return [
    {
      level: 2,
      title: `${tr("inspection.appendix")}: ${outline.title}`,
      blocks: [{ type: "facts", facts: outline.facts }],
      newPage: true,
    },
    ...outline.sections,
    ...recordSections(doc, record),
  ];
}
