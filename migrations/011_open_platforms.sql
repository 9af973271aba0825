-- A platform is whatever adapter registers itself, so the core no longer lists the allowed ids. Databases created
-- before this kept the list as a CHECK on workspaces.platform; new ones never had it.
ALTER TABLE workspaces DROP CONSTRAINT IF EXISTS workspaces_platform_check;
