-- The local trial channel (npm start without Slack or Teams credentials): the messages of its channel, threads and
-- direct messages, and the files the bot offered for download. Every change takes the next number of
-- local_messages_seq, so the page asks only for what changed since the last number it saw.

CREATE SEQUENCE local_messages_seq;

CREATE TABLE local_messages (
  id           bigserial PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  channel      text NOT NULL,
  thread_id    bigint REFERENCES local_messages (id) ON DELETE CASCADE,
  -- null for the bot's messages
  author_id    text,
  author_name  text NOT NULL DEFAULT '',
  -- { text?, cards: [Adaptive Card JSON], file?: { token, name, title, mimeType, size } }
  body         jsonb NOT NULL,
  pinned       boolean NOT NULL DEFAULT false,
  -- the page's request id for a user's message, so a retried send is stored once
  request_id   text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  seq          bigint NOT NULL DEFAULT nextval('local_messages_seq')
);
CREATE INDEX local_messages_changes ON local_messages (workspace_id, seq);
CREATE UNIQUE INDEX local_messages_request ON local_messages (workspace_id, request_id) WHERE request_id IS NOT NULL;

CREATE TABLE local_files (
  token        text PRIMARY KEY CHECK (length(token) >= 32),
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name         text NOT NULL,
  mime_type    text NOT NULL,
  content      bytea NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX local_files_workspace ON local_files (workspace_id);
