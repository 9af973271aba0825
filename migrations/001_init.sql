-- The core schema. Every row below workspaces carries workspace_id, and every query filters on it.

CREATE TABLE workspaces (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  platform        text NOT NULL,
  external_id     text NOT NULL,
  name            text NOT NULL DEFAULT '',
  headcount       integer CHECK (headcount IS NULL OR headcount BETWEEN 1 AND 1000000),
  time_zone       text NOT NULL DEFAULT 'Europe/Copenhagen',
  language        text NOT NULL DEFAULT 'da' CHECK (language IN ('da', 'en')),
  default_channel text,
  settings        jsonb NOT NULL DEFAULT '{}'::jsonb,
  installed       boolean NOT NULL DEFAULT true,
  uninstalled_at  timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (platform, external_id)
);

CREATE TABLE members (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  user_id      text NOT NULL,
  name         text NOT NULL DEFAULT '',
  role         text NOT NULL CHECK (role IN ('employer', 'employer_representative', 'amo_representative', 'work_leader', 'other')),
  joined_amo_on date,
  created_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, user_id)
);

CREATE TABLE discussions (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id  uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  year          integer NOT NULL CHECK (year BETWEEN 2000 AND 2200),
  status        text NOT NULL CHECK (status IN ('planned', 'running', 'concluded', 'approved')),
  version       integer NOT NULL DEFAULT 1,
  scheduled_at  timestamptz,
  duration_minutes integer,
  location      text,
  channel_id    text,
  participants  jsonb NOT NULL DEFAULT '[]'::jsonb,
  organiser_id  text NOT NULL,
  current_point integer CHECK (current_point IS NULL OR current_point BETWEEN 1 AND 11),
  board_message jsonb,
  started_at    timestamptz,
  concluded_at  timestamptz,
  concluded_by  text,
  conclude_override_reason text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, year),
  UNIQUE (workspace_id, id)
);

CREATE TABLE agenda_items (
  workspace_id  uuid NOT NULL,
  discussion_id uuid NOT NULL,
  number        integer NOT NULL CHECK (number BETWEEN 1 AND 11),
  key           text NOT NULL,
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'done', 'skipped')),
  message       jsonb,
  PRIMARY KEY (discussion_id, number),
  FOREIGN KEY (workspace_id, discussion_id) REFERENCES discussions (workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE entries (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id  uuid NOT NULL,
  discussion_id uuid NOT NULL,
  point         integer NOT NULL CHECK (point BETWEEN 1 AND 11),
  kind          text NOT NULL,
  data          jsonb NOT NULL,
  author_id     text NOT NULL,
  owner_id      text,
  deadline      date,
  status        text CHECK (status IS NULL OR status IN ('open', 'done')),
  carried_from  uuid,
  source        text NOT NULL DEFAULT 'form',
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  completed_at  timestamptz,
  deleted_at    timestamptz,
  FOREIGN KEY (workspace_id, discussion_id) REFERENCES discussions (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX entries_discussion ON entries (workspace_id, discussion_id, point) WHERE deleted_at IS NULL;
CREATE INDEX entries_open ON entries (workspace_id, status, deadline) WHERE deleted_at IS NULL AND status = 'open';

CREATE TABLE summaries (
  workspace_id  uuid NOT NULL,
  discussion_id uuid NOT NULL,
  version       integer NOT NULL CHECK (version >= 1),
  language      text NOT NULL,
  content       text NOT NULL,
  sha256        text NOT NULL CHECK (length(sha256) = 64),
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  message       jsonb,
  PRIMARY KEY (discussion_id, version),
  FOREIGN KEY (workspace_id, discussion_id) REFERENCES discussions (workspace_id, id) ON DELETE CASCADE
);

CREATE TABLE approvals (
  workspace_id  uuid NOT NULL,
  discussion_id uuid NOT NULL,
  summary_version integer NOT NULL,
  user_id       text NOT NULL,
  role          text NOT NULL,
  approved_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (discussion_id, summary_version, user_id),
  FOREIGN KEY (discussion_id, summary_version) REFERENCES summaries (discussion_id, version) ON DELETE CASCADE
);

-- The outbox of scheduled messages. A dispatcher claims due rows with FOR UPDATE SKIP LOCKED and a lease.
CREATE TABLE reminders (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id  uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  kind          text NOT NULL,
  subject_id    text,
  due_at        timestamptz NOT NULL,
  payload       jsonb NOT NULL DEFAULT '{}'::jsonb,
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'cancelled')),
  attempts      integer NOT NULL DEFAULT 0,
  leased_until  timestamptz,
  last_error    text,
  sent_at       timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (workspace_id, kind, subject_id, due_at)
);
CREATE INDEX reminders_due ON reminders (due_at) WHERE status = 'pending';

CREATE TABLE audit_log (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  workspace_id  uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  actor_id      text NOT NULL,
  action        text NOT NULL,
  subject_id    text,
  details       jsonb NOT NULL DEFAULT '{}'::jsonb,
  at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_workspace ON audit_log (workspace_id, at);

CREATE TABLE idempotency_keys (
  workspace_id  uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  key           text NOT NULL,
  result        jsonb,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, key)
);
