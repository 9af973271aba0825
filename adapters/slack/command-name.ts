/** The slash command, as Slack's manifest names it and the texts tell people to write it. */
export const COMMAND_NAME = "/arbejdsmiljø";
