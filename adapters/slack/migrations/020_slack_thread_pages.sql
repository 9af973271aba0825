-- Slack: what the bot last posted as the extra pages of a long message (they follow in its thread, since only the
-- first page can be edited in place). Kept here so the bot knows without reading the channel's history.
CREATE TABLE slack_thread_pages (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  channel      text NOT NULL,
  ts           text NOT NULL,
  text         text NOT NULL,
  posted_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (workspace_id, channel, ts)
);
