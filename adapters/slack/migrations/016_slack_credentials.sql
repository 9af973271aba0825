-- Slack's installations move to the core's credentials (sealed as they were, under the same names: T:<team> or
-- E:<enterprise>), and Slack's own table goes.
INSERT INTO credentials (platform, name, sealed, created_at, updated_at)
SELECT 'slack', key, installation->>'sealed', created_at, updated_at
FROM slack_installations
WHERE installation->>'sealed' IS NOT NULL
ON CONFLICT (platform, name) DO NOTHING;

DROP TABLE slack_installations;
