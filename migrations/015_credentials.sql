-- The secrets a platform keeps per installation (a Slack workspace's bot token), sealed by the core with
-- TOKEN_ENCRYPTION_KEY before they are stored. Each platform names its own rows.
CREATE TABLE credentials (
  platform   text NOT NULL,
  name       text NOT NULL,
  sealed     text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (platform, name)
);
