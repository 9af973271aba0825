-- Slack OAuth installations (multi-workspace mode). The installation JSON holds the bot token.
CREATE TABLE slack_installations (
  key          text PRIMARY KEY,
  team_id      text,
  installation jsonb NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
