/**
 * The bot scopes Slack's Web API reference names for each method the app calls (any one of them will do; where
 * none is listed, the method needs no scope). What the fake holds each call to, as Slack does.
 */
export const METHOD_SCOPES: Record<string, readonly string[]> = {
  "auth.test": [],
  "chat.postMessage": ["chat:write"],
  "chat.update": ["chat:write"],
  "chat.postEphemeral": ["chat:write"],
  "chat.getPermalink": [],
  "pins.add": ["pins:write"],
  "files.getUploadURLExternal": ["files:write"],
  "files.completeUploadExternal": ["files:write"],
  "users.info": ["users:read"],
  "conversations.info": ["channels:read", "groups:read", "im:read", "mpim:read"],
  "conversations.join": ["channels:join"],
  "conversations.open": ["im:write", "mpim:write"],
  "conversations.replies": ["channels:history", "groups:history", "im:history", "mpim:history"],
  "views.open": [],
  "views.update": [],
  "views.push": [],
  "views.publish": [],
  "oauth.v2.access": [],
  "apps.connections.open": [],
  /** Not a Web API method: an answer posted to an interaction's response_url. */
  respond: [],
};

/** The scopes the events the app subscribes to need (Slack's Events API reference). */
export const EVENT_SCOPES: Record<string, string> = {
  "message.channels": "channels:history",
  "message.groups": "groups:history",
  app_home_opened: "",
  app_uninstalled: "",
  tokens_revoked: "",
};
