import type { IncomingMessage, ServerResponse } from "node:http";
import {
  type Activity,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type TurnContext,
} from "botbuilder";
import { validateAndFixActivity } from "botbuilder/lib/activityValidator.js";
import { kept } from "../../src/app/index.ts";
import type { Config } from "../../src/config.ts";
import { PUBLIC_URL, TeamsBot } from "./bot.ts";
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
}

/** A token botframework-connector refused, or one jsonwebtoken could not verify (a bad signature, not yet valid). */
const TOKEN_ERRORS = new Set(["JsonWebTokenError", "TokenExpiredError", "NotBeforeError"]);
const refusedToken = (error: unknown) =>
  (error as { statusCode?: unknown }).statusCode === 401 ||
  TOKEN_ERRORS.has(String((error as { name?: unknown }).name));

/** botbuilder's part of the Teams adapter: what answers activities and what sends to Teams. */
export interface TeamsRuntime {
  /** Answers one request from the Bot Connector at POST /api/messages, its body read as JSON (undefined if not). */
  process(req: IncomingMessage, body: unknown, res: ServerResponse, publicUrl: string | null): Promise<void>;
  connector: Connector;
}

/**
 * CloudAdapter with its turn open to the route. `CloudAdapter.process` checks its arguments with zod schemas it
 * builds anew for every request and answers through express's `send` (together a sixth of the main thread's time per
 * Teams benchmark request). The route has the body parsed already, so this checks the activity's shape,
 * authenticates and runs the turn (`processActivity`, as `process` does) and writes the answer itself.
 */
class RoutedAdapter extends CloudAdapter {
  constructor(
    authentication: ConfigurationBotFrameworkAuthentication,
    private readonly log: TeamsDeps["log"],
  ) {
    super(authentication);
  }

  /** `logic` runs the turn once the request is authenticated, or returns a status to answer instead (a refusal). */
  async answer(
    req: IncomingMessage,
    body: unknown,
    res: ServerResponse,
    logic: (context: TurnContext) => Promise<number | undefined>,
  ): Promise<void> {
    const activity = body as Activity | null;
    const isActivity =
      typeof activity === "object" &&
      activity !== null &&
      !Array.isArray(activity) &&
      typeof activity.type === "string" &&
      activity.type !== "";
    if (!isActivity) return void res.writeHead(400).end();
    let invoked: { status: number; body?: unknown } | undefined;
    let refusal: number | undefined;
    try {
      const authHeader = req.headers.authorization ?? "";
      invoked = await this.processActivity(authHeader, validateAndFixActivity(activity), async (context) => {
        refusal = await logic(context);
      });
    } catch (error) {
      // A missing or invalid token is botframework-connector's AuthenticationError with status 401, a forged
      // signature jsonwebtoken's error (which process() answered 500). Other faults, such as the signing keys failing
      // to load, are 500 (process() answered 401 for those).
      if (refusedToken(error)) return void res.writeHead(401).end();
      this.log.error("teams request failed", { error: String(error) });
      return void res.writeHead(500).end();
    }
    if (refusal) return void res.writeHead(refusal).end();
    const status = invoked?.status ?? 200;
    if (!invoked?.body) return void res.writeHead(status).end();
    const json = Buffer.from(JSON.stringify(invoked.body));
    res.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "content-length": json.length,
    });
    res.end(json);
  }
}

export function teamsRuntime(config: Config, deps: TeamsDeps, options: RuntimeOptions = {}): TeamsRuntime {
  const adapter = new RoutedAdapter(authentication(config, options.botFramework), deps.log);
  adapter.onTurnError = async (context, error) => {
    deps.log.error("teams turn failed", { error: String(error), activity: context.activity?.type });
  };
  const bot = new TeamsBot(deps);
  const tenants = allowedTenants(config);
  return {
    process: (req, body, res, publicUrl) =>
      adapter.answer(req, body, res, async (context) => {
        // Another tenant's activity is refused before anything is stored or sent.
        if (!tenantAllowed(tenants, context.activity)) {
          deps.log.warn("teams activity from a tenant not allowed", { type: context.activity.type });
          return 403;
        }
        context.turnState.set(PUBLIC_URL, publicUrl);
        await bot.run(context);
        return undefined;
      }),
    connector: new Connector(adapter, config.MICROSOFT_APP_ID ?? "", options.connectorTimeoutMs),
  };
}

function authentication(config: Config, botFramework: BotFrameworkOptions = {}) {
  // Without credentials botbuilder checks nothing (local test mode: the route lets only this computer in).
  if (!teamsAuthenticated(config)) return new ReusingAuthentication({});
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    ...botFramework.endpoints,
    MicrosoftAppId: config.MICROSOFT_APP_ID,
    MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
    MicrosoftAppType: config.MICROSOFT_APP_TYPE ?? "MultiTenant",
    MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
  };
  return new ReusingAuthentication(options, botFramework.credentialsFactory);
}

type ConnectorFactory = ReturnType<ConfigurationBotFrameworkAuthentication["createConnectorFactory"]>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory["create"]>>;
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication["createUserTokenClient"]>>;
type Identity = Parameters<ConfigurationBotFrameworkAuthentication["createConnectorFactory"]>[0];

/** Clients kept at most; past that all are dropped and made again (a bot has a handful: one per service URL). */
const KEPT = 100;

/**
 * botbuilder builds a new Bot Connector client (its HTTP pipeline, policies and connection pool) for every incoming
 * activity and every proactive send (the channel refreshes, reminders, summaries), and a user token client (another
 * pipeline) for each of them too, which in a busy meeting is a large share of the bot's CPU. Neither holds state of a
 * turn, and each renews its own token, so one per service URL, audience and bot is reused, as botbuilder's older
 * adapter did: for the sends (createConnectorFactory), for the turns (the factory that request authentication hands
 * the turn) and for the user token clients of both.
 */
export class ReusingAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  override createConnectorFactory(identity: Identity): ConnectorFactory {
    return this.reusing(identity, super.createConnectorFactory(identity));
  }

  override async authenticateRequest(
    ...args: Parameters<ConfigurationBotFrameworkAuthentication["authenticateRequest"]>
  ) {
    const result = await super.authenticateRequest(...args);
    const inner = result.connectorFactory;
    return { ...result, connectorFactory: inner && this.reusing(result.claimsIdentity, inner) };
  }

  override createUserTokenClient(identity: Identity): Promise<UserTokenClient> {
    return kept(this.tokenClients, actsFor(identity), () => super.createUserTokenClient(identity), KEPT);
  }

  private reusing(identity: Identity, inner: ConnectorFactory): ConnectorFactory {
    const bot = actsFor(identity);
    return {
      create: (serviceUrl: string, audience?: string) =>
        kept(
          this.clients,
          JSON.stringify([bot, serviceUrl, audience ?? null]),
          () => inner.create(serviceUrl, audience),
          KEPT,
        ),
    } as ConnectorFactory;
  }
}

/** Who a client acts for: the claims naming the bot and its audience (not those that change with each token). */
function actsFor(identity: Identity): string {
  return identity.claims
    .filter((c) => ["aud", "appid", "azp", "ver"].includes(c.type))
    .map((c) => `${c.type}=${c.value}`)
    .join("&");
}
