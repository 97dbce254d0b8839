import type { CloudAdapter } from 'botbuilder';

/** The adapter's Bot Framework authentication (botframework-connector's type, reached through botbuilder). */
export type BotFrameworkAuth = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;
type ConnectorFactory = ReturnType<BotFrameworkAuth['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type UserTokenClient = Awaited<ReturnType<BotFrameworkAuth['createUserTokenClient']>>;
type ClaimsIdentity = Parameters<BotFrameworkAuth['createConnectorFactory']>[0];

/** Clients kept at most (one per bot app id, service URL and audience: a handful in practice). */
export const MAX_REUSED_CLIENTS = 64;

/** The claim botbuilder takes the bot's app id from (audience, else appid; none without authentication). */
const appIdOf = (claims: ClaimsIdentity | undefined): string =>
  claims?.getClaimValue('aud') ?? claims?.getClaimValue('appid') ?? '';

/** A small map that forgets its oldest entry beyond `max`, and forgets a promise that failed. */
class ReusedPromises<T> {
  private readonly entries = new Map<string, Promise<T>>();
  constructor(private readonly max: number) {}
  get size(): number {
    return this.entries.size;
  }
  get(key: string, make: () => Promise<T>): Promise<T> {
    const known = this.entries.get(key);
    if (known) return known;
    const made = make();
    this.entries.set(key, made);
    made.catch(() => this.entries.get(key) === made && this.entries.delete(key));
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return made;
  }
}

/**
 * botbuilder's CloudAdapter builds a new connector client (an HTTP pipeline with its policies) and
 * a new user-token client for every activity it processes, and for every proactive send: about a
 * tenth of the CPU of a /help turn (issue 18's profile). The clients hold no per-turn state — the
 * credentials inside get and refresh their own tokens — so one per bot app id, service URL and
 * audience is reused (separately for turns and for proactive sends), as botbuilder's older
 * BotFrameworkAdapter did. Authentication itself (the JWT check of every request) is untouched.
 */
export function reuseConnectorClients(auth: BotFrameworkAuth, max = MAX_REUSED_CLIENTS): { clients(): number } {
  const connectors = new ReusedPromises<ConnectorClient>(max);
  const tokenClients = new ReusedPromises<UserTokenClient>(max);
  // Turns and proactive sends never share a client: the outbox takes the SDK's retry policy out of
  // the client it sends with (connector-retries.ts), and a turn's replies keep theirs.
  const reusing = (factory: ConnectorFactory, appId: string, use: 'turn' | 'proactive'): ConnectorFactory => {
    const wrapped = Object.create(factory) as ConnectorFactory;
    wrapped.create = (serviceUrl: string, audience?: string) =>
      connectors.get(`${use}\n${appId}\n${serviceUrl}\n${audience ?? ''}`, () => factory.create(serviceUrl, audience));
    return wrapped;
  };
  const createConnectorFactory = auth.createConnectorFactory.bind(auth);
  const createUserTokenClient = auth.createUserTokenClient.bind(auth);
  const authenticateRequest = auth.authenticateRequest.bind(auth);
  // botbuilder asks for a factory here for proactive sends (continueConversationAsync); a turn's
  // comes with its authentication below
  auth.createConnectorFactory = (claims) => reusing(createConnectorFactory(claims), appIdOf(claims), 'proactive');
  auth.createUserTokenClient = (claims) => tokenClients.get(appIdOf(claims), () => createUserTokenClient(claims));
  auth.authenticateRequest = async (activity, authHeader) => {
    const result = await authenticateRequest(activity, authHeader);
    return result.connectorFactory
      ? { ...result, connectorFactory: reusing(result.connectorFactory, appIdOf(result.claimsIdentity), 'turn') }
      : result;
  };
  return { clients: () => connectors.size + tokenClients.size };
}
