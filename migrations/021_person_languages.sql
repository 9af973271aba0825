-- Each person's own language, as their platform last said it (Slack's user locale, Teams' activity locale): what
-- only that person sees is written in it, also when no request is in hand (a scheduled direct message). A null
-- language means the platform named one the bot does not speak, so the workspace's is used. `checked_at` tells
-- when the platform was last asked, so it is asked again now and then rather than on every click.
CREATE TABLE person_languages (
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  user_id      text NOT NULL,
  language     text CHECK (language IN ('da', 'en')),
  checked_at   timestamptz NOT NULL,
  PRIMARY KEY (workspace_id, user_id)
);
