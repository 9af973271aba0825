import {
  Channels,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type Request,
  type TurnContext,
} from "botbuilder";
import type { Response as ExpressResponse } from "express";
import { HeldAnswer } from "./answer.ts";
import { PUBLIC_URL, TeamsBot } from "./bot.ts";
import type { TeamsConfig } from "./config.ts";
import { Connector } from "./connector.ts";
import type { TeamsDeps } from "./context.ts";
import { teamsAuthenticated } from "./mode.ts";
import { allowedTenants, tenantAllowed } from "./tenants.ts";

/**
 * Where botbuilder checks tokens and gets its own: its endpoint settings (ToBotFromChannelOpenIdMetadataUrl,
 * ToChannelFromBotLoginUrl and the rest; given one, botbuilder takes all as given) and the credentials factory. Unset,
 * the Bot Framework's public cloud. The tests point them at a loopback identity.
 */
export interface BotFrameworkOptions {
  endpoints?: ConfigurationBotFrameworkAuthenticationOptions;
  credentialsFactory?: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1];
}

export interface RuntimeOptions {
  connectorTimeoutMs?: number;
  botFramework?: BotFrameworkOptions;
  /** Where the tab's Entra ID tokens are checked against signing keys; unset, Entra's own. The tests serve their own. */
  entraKeysUrl?: string;
}

/** botbuilder's part of the Teams adapter: what answers activities and what sends to Teams. */
export interface TeamsRuntime {
  /** Answers one request from the Bot Connector at POST /api/messages, its body parsed by express. */
  process(req: Request, res: ExpressResponse, publicUrl: string | null): Promise<void>;
  connector: Connector;
}

export function teamsRuntime(
  config: TeamsConfig,
  deps: TeamsDeps,
  options: RuntimeOptions = {},
): TeamsRuntime {
  const adapter = new CloudAdapter(authentication(config, options.botFramework));
  adapter.onTurnError = async (context, error) => {
    deps.log.error("teams turn failed", { error: String(error), activity: context.activity?.type });
  };
  const bot = new TeamsBot(deps);
  const tenants = allowedTenants(config);
  // Without credentials (local test mode, from this computer only) the Bot Framework Emulator may talk too.
  const served: string[] = teamsAuthenticated(config)
    ? [Channels.Msteams]
    : [Channels.Msteams, Channels.Emulator];
  return {
    async process(req, res, publicUrl) {
      const answer = new HeldAnswer();
      let turn: "ran" | "refused" | undefined;
      const logic = async (context: TurnContext) => {
        // Only Teams is served: an Azure Bot also takes Web Chat and Direct Line, whose client names its own user
        // and tenant. Such an activity, or another tenant's, is refused before anything is stored or sent.
        if (!served.includes(context.activity.channelId)) {
          deps.log.warn("activity from a channel other than Teams", { channel: context.activity.channelId });
          turn = "refused";
          return;
        }
        if (!tenantAllowed(tenants, context.activity)) {
          deps.log.warn("teams activity from a tenant not allowed", { type: context.activity.type });
          turn = "refused";
          return;
        }
        turn = "ran";
        context.turnState.set(PUBLIC_URL, publicUrl);
        await bot.run(context);
      };
      try {
        await adapter.process(req, answer, logic);
      } catch (error) {
        // process() throws, rather than answers, only for a body that is no activity (one without a type).
        deps.log.warn("teams request is no activity", { error: String(error) });
        return void res.status(400).end();
      }
      if (turn === "refused") return void res.status(403).end();
      // Before a turn botbuilder fails only in authenticating the request: its own AuthenticationError it answers
      // 401, a token whose signature jsonwebtoken refused 500. Both are refused tokens.
      if (!turn && answer.statusCode === 500) return void res.status(401).end();
      answer.sendTo(res);
    },
    connector: new Connector(adapter, config.MICROSOFT_APP_ID ?? "", options.connectorTimeoutMs),
  };
}

function authentication(config: TeamsConfig, botFramework: BotFrameworkOptions = {}) {
  // Without credentials botbuilder checks nothing (local test mode: the route lets only this computer in).
  if (!teamsAuthenticated(config)) return new ConfigurationBotFrameworkAuthentication({});
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    ...botFramework.endpoints,
    MicrosoftAppId: config.MICROSOFT_APP_ID,
    MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
    MicrosoftAppType: config.MICROSOFT_APP_TYPE ?? "MultiTenant",
    MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
  };
  return new ConfigurationBotFrameworkAuthentication(options, botFramework.credentialsFactory);
}
