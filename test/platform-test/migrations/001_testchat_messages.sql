-- The test platform's channel: every message the core had it post, with how often it was updated and whether it
-- was pinned, so a test reads what a user of the platform would see.
CREATE TABLE testchat_messages (
  id           bigserial PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  channel      text NOT NULL,
  thread_id    bigint REFERENCES testchat_messages (id) ON DELETE CASCADE,
  kind         text NOT NULL,
  text         text NOT NULL,
  pinned       boolean NOT NULL DEFAULT false,
  updates      integer NOT NULL DEFAULT 0
);
CREATE INDEX testchat_messages_channel ON testchat_messages (workspace_id, channel, id);
