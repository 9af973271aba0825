-- A claimed reminder's fencing token, new at every claim: only the dispatcher holding the current lease may renew it
-- or record the outcome, so one whose send outlasted its lease (another dispatcher has the row since) records nothing.
ALTER TABLE reminders ADD COLUMN lease_token uuid;
