-- Download links expire: a day for documents, an hour for the whole-workplace data export. Databases from before
-- the platforms had their own migrations got the column from the core's 010, hence IF NOT EXISTS.
ALTER TABLE teams_files ADD COLUMN IF NOT EXISTS expires_at timestamptz NOT NULL DEFAULT now() + interval '24 hours';
