-- Who installed the app: the one person (besides the platform's admins) who may name the first employer.
ALTER TABLE workspaces ADD COLUMN installed_by text;

-- Download links expire: a day for documents, an hour for the whole-workplace data export.
ALTER TABLE teams_files ADD COLUMN expires_at timestamptz NOT NULL DEFAULT now() + interval '24 hours';
ALTER TABLE local_files ADD COLUMN expires_at timestamptz NOT NULL DEFAULT now() + interval '24 hours';
