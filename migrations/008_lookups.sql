-- Lookups that read every workspace's rows once there are many customers (found with 3,000 workspaces, analysed):
-- a thread reply's point is found by its message (every agenda item of every workspace was read: 33,000 rows for one),
-- and a subject's pending reminders are cancelled when its deadline or meeting changes (every pending reminder of
-- every workspace was read).
CREATE INDEX agenda_items_message ON agenda_items (workspace_id, (message->>'id')) WHERE message IS NOT NULL;
CREATE INDEX reminders_subject_pending ON reminders (workspace_id, subject_id) WHERE status = 'pending';
