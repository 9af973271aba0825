import { section } from "../section.ts";

/** The inspection folder (tilsyn): what Arbejdstilsynet asks to see on a visit, and the "klar til tilsyn" check. */
export const inspection = section(
  {
    "command.help.inspection":
      "tilsyn (inspection): tilsynsmappen som PDF og ZIP, med tjek af hvad der mangler (arbejdsgiveren og AMO)",
    "command.inspection_sent": "Tilsynsmappen er sendt som PDF og som ZIP med Markdown og CSV.",
    "command.inspection_sent_privately": "Tilsynsmappen er sendt til dig i en privat besked.",
    "action.inspection": "at hente tilsynsmappen",
    "inspection.title": "Tilsynsmappe: det systematiske arbejdsmiljøarbejde",
    "inspection.running_head": "{workspace} · Tilsynsmappe",
    "inspection.made": "Udarbejdet",
    "inspection.headcount": "Antal ansatte",
    "inspection.ready": "Klar til tilsyn",
    "inspection.all_ready":
      "Alt er på plads: drøftelsen er holdt inden for de seneste 12 måneder, og referatet er godkendt, APV'en er under tre år gammel, AMO-medlemmerne har den 3-dages uddannelse, og ingen beslutninger eller mål har overskredet fristen.",
    "inspection.missing_intro":
      "{count, plural, one {Ét forhold mangler eller er overskredet} other {# forhold mangler eller er overskredet}}. Under hvert står, hvad I kan gøre:",
    "inspection.issue.no_discussion": "Der er ikke holdt nogen årlig arbejdsmiljødrøftelse.",
    "inspection.issue.no_discussion_since":
      "Der er ikke holdt en årlig arbejdsmiljødrøftelse inden for de seneste 12 måneder (den seneste blev holdt {date}).",
    "inspection.todo.no_discussion": "Planlæg drøftelsen med /arbejdsmiljø planlæg, og hold den snarest.",
    "inspection.issue.not_approved": "Det seneste referat er ikke godkendt af begge parter.",
    "inspection.todo.not_approved":
      "Bed arbejdsgiveren og en arbejdsmiljørepræsentant om at godkende referatet med knappen under det.",
    "inspection.issue.apv_missing": "Der er ikke registreret en dato for den seneste APV.",
    "inspection.issue.apv_old":
      "APV'en fra {date} er over tre år gammel (den skulle være lavet igen senest {due}).",
    "inspection.todo.apv":
      "Lav en ny APV sammen med AMO, og registrér datoen og handlingsplanen under punkt 4 ved næste drøftelse.",
    "inspection.issue.course_missing": "{name} har ikke den 3-dages arbejdsmiljøuddannelse.",
    "inspection.issue.course_due":
      "{name} har ikke den 3-dages arbejdsmiljøuddannelse endnu (skal være taget senest {due}).",
    "inspection.issue.course_overdue":
      "{name} har ikke den 3-dages arbejdsmiljøuddannelse, og fristen {due} er overskredet.",
    "inspection.todo.course":
      "Tilmeld medlemmet et kursus, og registrér uddannelsen under punkt 10 (kompetencer og supplerende uddannelse).",
    "inspection.issue.overdue": "Fristen for “{text}” var {due}, og punktet er stadig åbent.",
    "inspection.todo.overdue":
      "Følg op med den ansvarlige, og markér punktet som gennemført eller flyt fristen med /arbejdsmiljø opfølgning.",
    "inspection.referater": "Referater",
    "inspection.referat_latest":
      "Det seneste godkendte referat er fra {year} (version {version}). Det står i sin helhed bagerst i mappen.",
    "inspection.referat_unapproved":
      "Intet referat er godkendt af begge parter endnu. Det seneste referat, fra {year} (version {version}), står bagerst i mappen.",
    "inspection.no_referat": "Der er endnu ikke skrevet noget referat.",
    "inspection.not_approved": "Ikke godkendt",
    "inspection.amo": "Arbejdsmiljøorganisationen",
    "inspection.participants": "Deltagere i drøftelsen",
    "inspection.participants_note":
      "Med 1-9 ansatte har arbejdspladsen ingen arbejdsmiljøorganisation; her er dem, der deltog i den seneste drøftelse.",
    "inspection.no_members": "Ingen er registreret endnu. Tilføj dem med /arbejdsmiljø opsæt.",
    "inspection.course.done": "Gennemført",
    "inspection.course.not_done": "Ikke gennemført",
    "inspection.course.unknown": "Ikke registreret",
    "inspection.course.not_required": "Ikke et krav for rollen",
    "inspection.apv": "Arbejdspladsvurdering (APV)",
    "inspection.apv_date": "Seneste APV",
    "inspection.apv_next": "Næste APV planlagt",
    "inspection.apv_plan": "Handlingsplanen",
    "inspection.apv_no_actions": "Der er ikke registreret punkter fra handlingsplanen som opgaver.",
    "inspection.not_recorded": "ikke registreret",
    "inspection.figures": "Ulykker, nærvedulykker og sundhedsskader pr. år",
    "inspection.figures_note":
      "Tallene er dem, der blev registreret under punkt 6 ved hvert års drøftelse. De er kun tal og årsager, aldrig navne eller diagnoser.",
    "inspection.open": "Åbne beslutninger og mål",
    "inspection.log": "Godkendelser og log",
    "inspection.log_note":
      "Hvem der planlagde, holdt, afsluttede, godkendte og rettede drøftelserne og fulgte op, ældste først. Noter og formularer står i referaterne.",
    "inspection.log_empty": "Loggen er tom.",
    "inspection.appendix": "Bilag",
    "inspection.kind.decision": "Beslutning",
    "inspection.kind.goal": "Mål",
    "inspection.col.year": "År",
    "inspection.col.version": "Version",
    "inspection.col.written": "Skrevet",
    "inspection.col.name": "Navn",
    "inspection.col.role": "Rolle",
    "inspection.col.joined": "Indtrådt",
    "inspection.col.course": "3-dages uddannelse",
    "inspection.col.accidents": "Ulykker",
    "inspection.col.near_misses": "Nærvedulykker",
    "inspection.col.poisonings": "Forgiftninger",
    "inspection.col.health_damage": "Sundhedsskader",
    "inspection.col.what": "Hvad",
    "inspection.col.when": "Tidspunkt",
    "inspection.col.who": "Hvem",
    "inspection.col.event": "Hændelse",
    "inspection.audit.workspace.setup": "Opsætningen gemt",
    "inspection.audit.member.role": "Rolle ændret",
    "inspection.audit.discussion.planned": "Drøftelsen planlagt",
    "inspection.audit.discussion.rescheduled": "Drøftelsen flyttet",
    "inspection.audit.discussion.cancelled": "Drøftelsen aflyst",
    "inspection.audit.discussion.started": "Drøftelsen startet",
    "inspection.audit.discussion.concluded": "Drøftelsen afsluttet",
    "inspection.audit.discussion.reopened": "Drøftelsen genåbnet",
    "inspection.audit.summary.approved": "Referatet godkendt (version {version})",
    "inspection.audit.summary.revised": "Referatet rettet (version {version})",
    "inspection.audit.entry.done": "Beslutning eller mål markeret som gennemført",
    "inspection.audit.entry.open": "Beslutning eller mål åbnet igen",
    "inspection.audit.entry.postponed": "Frist flyttet",
  },
  {
    "command.help.inspection":
      "inspection (tilsyn): the inspection folder as a PDF and a ZIP, with a check of what is missing (the employer and the AMO)",
    "command.inspection_sent":
      "The inspection folder has been sent as a PDF and as a ZIP of Markdown and CSV.",
    "command.inspection_sent_privately": "The inspection folder has been sent to you in a private message.",
    "action.inspection": "fetching the inspection folder",
    "inspection.title": "Inspection folder: the systematic working-environment work",
    "inspection.running_head": "{workspace} · Inspection folder",
    "inspection.made": "Made",
    "inspection.headcount": "Employees",
    "inspection.ready": "Ready for inspection",
    "inspection.all_ready":
      "Everything is in place: the discussion was held within the last 12 months and its minutes are approved, the APV is less than three years old, the AMO members have the 3-day course, and no decision or goal is past its deadline.",
    "inspection.missing_intro":
      "{count, plural, one {One thing is missing or overdue} other {# things are missing or overdue}}. Under each is what you can do:",
    "inspection.issue.no_discussion": "No annual working-environment discussion has been held.",
    "inspection.issue.no_discussion_since":
      "No annual working-environment discussion has been held within the last 12 months (the last one was held on {date}).",
    "inspection.todo.no_discussion": "Plan the discussion with /arbejdsmiljø plan and hold it soon.",
    "inspection.issue.not_approved": "The latest minutes are not approved by both sides.",
    "inspection.todo.not_approved":
      "Ask the employer and a working-environment representative to approve the minutes with the button under them.",
    "inspection.issue.apv_missing": "No date is recorded for the latest APV.",
    "inspection.issue.apv_old":
      "The APV of {date} is more than three years old (it should have been redone by {due}).",
    "inspection.todo.apv":
      "Make a new APV together with the AMO, and record its date and action plan at point 4 of the next discussion.",
    "inspection.issue.course_missing": "{name} does not have the 3-day working-environment course.",
    "inspection.issue.course_due":
      "{name} does not have the 3-day working-environment course yet (it must be taken by {due}).",
    "inspection.issue.course_overdue":
      "{name} does not have the 3-day working-environment course, and the deadline {due} has passed.",
    "inspection.todo.course":
      "Sign the member up for a course, and record the training at point 10 (competences and supplementary training).",
    "inspection.issue.overdue": "The deadline for “{text}” was {due}, and it is still open.",
    "inspection.todo.overdue":
      "Follow up with the owner, and mark it done or move the deadline with /arbejdsmiljø followup.",
    "inspection.referater": "Minutes",
    "inspection.referat_latest":
      "The latest approved minutes are from {year} (version {version}). They are given in full at the back of the folder.",
    "inspection.referat_unapproved":
      "No minutes are approved by both sides yet. The latest minutes, from {year} (version {version}), are at the back of the folder.",
    "inspection.no_referat": "No minutes have been written yet.",
    "inspection.not_approved": "Not approved",
    "inspection.amo": "The working-environment organisation",
    "inspection.participants": "Who took part in the discussion",
    "inspection.participants_note":
      "With 1-9 employees the workplace has no working-environment organisation; these are the people who took part in the latest discussion.",
    "inspection.no_members": "No one is recorded yet. Add them with /arbejdsmiljø setup.",
    "inspection.course.done": "Done",
    "inspection.course.not_done": "Not done",
    "inspection.course.unknown": "Not recorded",
    "inspection.course.not_required": "Not required for the role",
    "inspection.apv": "Workplace assessment (APV)",
    "inspection.apv_date": "Latest APV",
    "inspection.apv_next": "Next APV planned",
    "inspection.apv_plan": "The action plan",
    "inspection.apv_no_actions": "No items of the action plan are recorded as tasks.",
    "inspection.not_recorded": "not recorded",
    "inspection.figures": "Accidents, near misses and work-related ill health per year",
    "inspection.figures_note":
      "The figures are those recorded at point 6 of each year's discussion. They are figures and causes only, never names or diagnoses.",
    "inspection.open": "Open decisions and goals",
    "inspection.log": "Approvals and log",
    "inspection.log_note":
      "Who planned, held, concluded, approved and revised the discussions and followed them up, oldest first. Notes and forms are in the minutes.",
    "inspection.log_empty": "The log is empty.",
    "inspection.appendix": "Appendix",
    "inspection.kind.decision": "Decision",
    "inspection.kind.goal": "Goal",
    "inspection.col.year": "Year",
    "inspection.col.version": "Version",
    "inspection.col.written": "Written",
    "inspection.col.name": "Name",
    "inspection.col.role": "Role",
    "inspection.col.joined": "Joined",
    "inspection.col.course": "3-day course",
    "inspection.col.accidents": "Accidents",
    "inspection.col.near_misses": "Near misses",
    "inspection.col.poisonings": "Poisonings",
    "inspection.col.health_damage": "Ill health",
    "inspection.col.what": "What",
    "inspection.col.when": "When",
    "inspection.col.who": "Who",
    "inspection.col.event": "Event",
    "inspection.audit.workspace.setup": "Setup saved",
    "inspection.audit.member.role": "Role changed",
    "inspection.audit.discussion.planned": "Discussion planned",
    "inspection.audit.discussion.rescheduled": "Discussion moved",
    "inspection.audit.discussion.cancelled": "Discussion cancelled",
    "inspection.audit.discussion.started": "Discussion started",
    "inspection.audit.discussion.concluded": "Discussion concluded",
    "inspection.audit.discussion.reopened": "Discussion reopened",
    "inspection.audit.summary.approved": "Minutes approved (version {version})",
    "inspection.audit.summary.revised": "Minutes revised (version {version})",
    "inspection.audit.entry.done": "Decision or goal marked done",
    "inspection.audit.entry.open": "Decision or goal opened again",
    "inspection.audit.entry.postponed": "Deadline moved",
  },
);
