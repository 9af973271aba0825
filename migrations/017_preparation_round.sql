-- The preparation round: before a discussion, the people who should be heard are asked privately for their input.
-- Who was asked, and whether they have answered. It holds no link to what they answered, so an anonymous answer
-- cannot be traced back through it; it is also what keeps one person from answering twice.
CREATE TABLE round_invites (
  workspace_id  uuid NOT NULL,
  discussion_id uuid NOT NULL,
  user_id       text NOT NULL,
  answered      boolean NOT NULL DEFAULT false,
  PRIMARY KEY (discussion_id, user_id),
  FOREIGN KEY (workspace_id, discussion_id) REFERENCES discussions (workspace_id, id) ON DELETE CASCADE
);

-- The answers, per agenda point. An anonymous answer has no respondent and no time stamp (a time could be matched
-- with when someone was seen answering); a named one keeps its respondent, so it can be changed until the meeting.
CREATE TABLE round_answers (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  workspace_id  uuid NOT NULL,
  discussion_id uuid NOT NULL,
  respondent_id text,
  points        jsonb NOT NULL,
  accidents     integer CHECK (accidents IS NULL OR accidents BETWEEN 0 AND 100000),
  near_misses   integer CHECK (near_misses IS NULL OR near_misses BETWEEN 0 AND 100000),
  UNIQUE (discussion_id, respondent_id),
  FOREIGN KEY (workspace_id, discussion_id) REFERENCES discussions (workspace_id, id) ON DELETE CASCADE
);
CREATE INDEX round_answers_discussion ON round_answers (workspace_id, discussion_id);
