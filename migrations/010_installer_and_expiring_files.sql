-- Who installed the app: the one person (besides the platform's admins) who may name the first employer.
ALTER TABLE workspaces ADD COLUMN installed_by text;
-- This file also made the adapters' download links expire; that moved to their own folders (adapters/*/migrations/),
-- which databases that ran the earlier version of this file meet as already done.
