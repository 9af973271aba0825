-- Workplaces with 1-9 employees hold the discussion with every employee: the roster gets an "employee" role.
ALTER TABLE members DROP CONSTRAINT IF EXISTS members_role_check;
ALTER TABLE members ADD CONSTRAINT members_role_check
  CHECK (role IN ('employer', 'employer_representative', 'amo_representative', 'work_leader', 'employee', 'other'));

-- Who stands in for the employer, with the power to decide on the employer's behalf, when the employer will not
-- attend: asked when the discussion is planned ({"id": ..., "name": ...}, or null).
ALTER TABLE discussions ADD COLUMN IF NOT EXISTS stand_in jsonb;
