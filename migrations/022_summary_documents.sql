-- What each version of the referat says, kept as it was written: the PDF, the summary message and the inspection
-- folder show a version from this, not from today's entries, so a decision done or postponed later, an amendment or
-- a new roster does not change what an older version is shown to say. Versions written before this have none and
-- are built from the stored entries as before.
ALTER TABLE summaries ADD COLUMN document jsonb;
