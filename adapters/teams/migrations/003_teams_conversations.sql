-- Teams: where the bot can write on its own (conversation references), the extra cards of messages split across
-- several cards, and files offered for download by an unguessable link (Teams bots cannot upload files to channels).

CREATE TABLE teams_conversations (
  workspace_id    uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  conversation_id text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('channel', 'groupChat', 'personal')),
  user_id         text,
  reference       jsonb NOT NULL,
  public_url      text,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, conversation_id)
);
CREATE INDEX teams_conversations_personal ON teams_conversations (workspace_id, user_id) WHERE kind = 'personal';

CREATE TABLE teams_card_pages (
  workspace_id    uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  conversation_id text NOT NULL,
  activity_id     text NOT NULL,
  pages           jsonb NOT NULL DEFAULT '[]'::jsonb,
  PRIMARY KEY (workspace_id, conversation_id, activity_id)
);

CREATE TABLE teams_files (
  token        text PRIMARY KEY CHECK (length(token) >= 32),
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name         text NOT NULL,
  mime_type    text NOT NULL,
  content      text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX teams_files_workspace ON teams_files (workspace_id);
