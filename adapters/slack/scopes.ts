/** The bot scopes asked for at OAuth install; manifest/slack.yaml lists the same (a test keeps them equal). */
export const SCOPES = [
  "commands",
  "chat:write",
  "pins:write",
  "files:write",
  "users:read",
  "channels:history",
  "groups:history",
  "channels:read",
  "channels:join",
  "groups:read",
  "im:write",
] as const;

/** The events the listeners handle; the manifest subscribes to them (message.* deliver "message"). */
export const BOT_EVENTS = [
  "message.channels",
  "message.groups",
  "app_home_opened",
  "app_uninstalled",
  "tokens_revoked",
] as const;
