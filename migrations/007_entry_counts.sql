-- How many entries each agenda point holds, kept by the database as entries are added and removed, so a point's
-- card and the board read a number instead of counting the point's entries on every read (a busy point's count grew
-- with every note). The triggers run once per statement, so a batch of notes updates each point's row once. Every
-- path that adds or removes entries locks the discussion first, so a point's row is always locked after it.
-- Other instances (a rolling deploy) must not add entries between the count below and the triggers: they wait.
LOCK TABLE entries IN SHARE ROW EXCLUSIVE MODE;
ALTER TABLE agenda_items ADD COLUMN entry_count integer NOT NULL DEFAULT 0;
UPDATE agenda_items a SET entry_count = c.n
  FROM (SELECT discussion_id, point, count(*) AS n FROM entries WHERE deleted_at IS NULL GROUP BY discussion_id, point) c
  WHERE a.discussion_id = c.discussion_id AND a.number = c.point;
-- An insert has only added rows, a delete only removed ones, an update both (a soft delete sets deleted_at). No line
-- of a function body ends in a semicolon: migrations are split into statements there.
CREATE FUNCTION count_added_entries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE agenda_items a SET entry_count = a.entry_count + c.n
  FROM (SELECT discussion_id, point, count(*) AS n FROM added WHERE deleted_at IS NULL GROUP BY discussion_id, point) c
  WHERE a.discussion_id = c.discussion_id AND a.number = c.point; RETURN NULL; END $$;
CREATE FUNCTION count_removed_entries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE agenda_items a SET entry_count = a.entry_count - c.n
  FROM (SELECT discussion_id, point, count(*) AS n FROM removed WHERE deleted_at IS NULL GROUP BY discussion_id, point) c
  WHERE a.discussion_id = c.discussion_id AND a.number = c.point; RETURN NULL; END $$;
CREATE FUNCTION count_changed_entries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE agenda_items a SET entry_count = a.entry_count + c.n
  FROM (
    SELECT discussion_id, point, sum(n) AS n FROM (
      SELECT discussion_id, point, 1 AS n FROM added WHERE deleted_at IS NULL
      UNION ALL
      SELECT discussion_id, point, -1 AS n FROM removed WHERE deleted_at IS NULL
    ) x GROUP BY discussion_id, point HAVING sum(n) <> 0
  ) c
  WHERE a.discussion_id = c.discussion_id AND a.number = c.point; RETURN NULL; END $$;
CREATE TRIGGER entries_counted_on_insert AFTER INSERT ON entries REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION count_added_entries();
CREATE TRIGGER entries_counted_on_update AFTER UPDATE ON entries REFERENCING OLD TABLE AS removed NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION count_changed_entries();
CREATE TRIGGER entries_counted_on_delete AFTER DELETE ON entries REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION count_removed_entries();
