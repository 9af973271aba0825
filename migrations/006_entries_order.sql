-- Entries recorded within one tick of the clock (PGlite's is coarse) keep the order they were recorded in: the
-- sequence breaks ties in created_at, where the random id did not.
ALTER TABLE entries ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
CREATE INDEX entries_point_newest ON entries (workspace_id, discussion_id, point, created_at DESC, seq DESC)
  WHERE deleted_at IS NULL;
DROP INDEX entries_point_recent;
