import { ConfigurationBotFrameworkAuthentication } from "botbuilder";
import { ClaimsIdentity } from "botframework-connector";
import { describe, expect, it, vi } from "vitest";
import { ReusingAuthentication } from "../../adapters/teams/runtime.ts";

const bot = (id: string) =>
  new ClaimsIdentity([
    { type: "aud", value: id },
    { type: "ver", value: "1.0" },
    // Claims that change with every token do not make a new client.
    { type: "exp", value: String(Math.random()) },
  ]);

describe("botbuilder's clients made once per bot and service, not once per activity", () => {
  it("reuses the user token client and the Bot Connector client of a bot, and keeps those of another bot apart", async () => {
    const auth = new ReusingAuthentication({});
    const first = await auth.createUserTokenClient(bot("bot-a"));
    expect(await auth.createUserTokenClient(bot("bot-a"))).toBe(first);
    expect(await auth.createUserTokenClient(bot("bot-b"))).not.toBe(first);

    const connector = await auth.createConnectorFactory(bot("bot-a")).create("https://smba.example/emea/");
    expect(await auth.createConnectorFactory(bot("bot-a")).create("https://smba.example/emea/")).toBe(
      connector,
    );
    expect(await auth.createConnectorFactory(bot("bot-a")).create("https://smba.example/amer/")).not.toBe(
      connector,
    );
  });

  it("does not keep a client its credentials could not make, so a later try makes it again", async () => {
    const made = vi.spyOn(ConfigurationBotFrameworkAuthentication.prototype, "createUserTokenClient");
    try {
      const auth = new ReusingAuthentication({
        MicrosoftAppId: "bot-a",
        MicrosoftAppPassword: "secret",
        MicrosoftAppType: "MultiTenant",
      });
      await expect(auth.createUserTokenClient(bot("someone-else"))).rejects.toThrow(/appId/);
      await expect(auth.createUserTokenClient(bot("someone-else"))).rejects.toThrow(/appId/);
      expect(made).toHaveBeenCalledTimes(2);
      const known = await auth.createUserTokenClient(bot("bot-a"));
      expect(await auth.createUserTokenClient(bot("bot-a"))).toBe(known);
      expect(made).toHaveBeenCalledTimes(3);
    } finally {
      made.mockRestore();
    }
  });
});
