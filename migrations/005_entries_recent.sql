-- A point's message shows its newest entries: the index serves both those and the per-point counts.
CREATE INDEX entries_point_recent ON entries (workspace_id, discussion_id, point, created_at DESC, id DESC)
  WHERE deleted_at IS NULL;
DROP INDEX entries_discussion;
