-- Who took part as the record states it, kept when a discussion concludes: the participants with their roles then,
-- the employer's stand-in and the headcount. A later version of the referat (an amendment months on) names these
-- rather than the roster of its day. Discussions concluded before this have none and read the roster as before.
ALTER TABLE discussions ADD COLUMN record_people jsonb;
