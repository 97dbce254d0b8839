import { reuseConnectorClients, type BotFrameworkAuth } from '../../src/bot/core/reused-connector-clients';

/** A stand-in for botbuilder's authentication that counts the clients it builds. */
function countingAuth() {
  const built = { connectors: [] as string[], tokenClients: [] as string[] };
  let failNext = false;
  const claims = (appId: string | null) => ({ getClaimValue: (type: string) => (type === 'aud' ? appId : null) });
  const factory = (appId: string) => ({
    create: async (serviceUrl: string, audience?: string) => {
      if (failNext) {
        failNext = false;
        throw new Error('connector down');
      }
      built.connectors.push(`${appId}|${serviceUrl}|${audience ?? ''}`);
      return { serviceUrl, audience, appId };
    },
  });
  const auth = {
    createConnectorFactory: (c: ReturnType<typeof claims>) => factory(c.getClaimValue('aud') ?? ''),
    createUserTokenClient: async (c: ReturnType<typeof claims>) => {
      built.tokenClients.push(c.getClaimValue('aud') ?? '');
      return { appId: c.getClaimValue('aud') };
    },
    authenticateRequest: async () => ({ claimsIdentity: claims('bot-a'), connectorFactory: factory('bot-a') }),
    authenticateStreamingRequest: async () => ({}),
  };
  // the stand-in has the methods CloudAdapter calls; the rest of the type is not used
  const typed = auth as unknown as BotFrameworkAuth;
  return { auth: typed, built, claims, failOnce: () => (failNext = true) };
}

describe('reusing connector clients across turns', () => {
  it('builds one connector client per app id, service URL and audience, and reuses it', async () => {
    const { auth, built, claims } = countingAuth();
    reuseConnectorClients(auth);
    const a = claims('bot-a') as never;
    const first = await auth.createConnectorFactory(a).create('https://smba.example/emea/', 'aud-1');
    const again = await auth.createConnectorFactory(a).create('https://smba.example/emea/', 'aud-1');
    expect(again).toBe(first);
    await auth.createConnectorFactory(a).create('https://smba.example/amer/', 'aud-1');
    await auth.createConnectorFactory(a).create('https://smba.example/emea/', 'aud-2');
    await auth.createConnectorFactory(claims('bot-b') as never).create('https://smba.example/emea/', 'aud-1');
    expect(built.connectors).toEqual([
      'bot-a|https://smba.example/emea/|aud-1',
      'bot-a|https://smba.example/amer/|aud-1',
      'bot-a|https://smba.example/emea/|aud-2',
      'bot-b|https://smba.example/emea/|aud-1',
    ]);
  });

  it('reuses the client of an authenticated request, and the user-token client per app id', async () => {
    const { auth, built, claims } = countingAuth();
    reuseConnectorClients(auth);
    for (let i = 0; i < 3; i++) {
      const result = await auth.authenticateRequest({} as never, 'Bearer x');
      await result.connectorFactory!.create('https://smba.example/emea/', 'aud-1');
      await auth.createUserTokenClient(claims('bot-a') as never);
    }
    await auth.createUserTokenClient(claims(null) as never);
    expect(built.connectors).toHaveLength(1);
    expect(built.tokenClients).toEqual(['bot-a', '']);
  });

  it('never gives a turn the client of a proactive send (the outbox takes out its retries)', async () => {
    const { auth, built, claims } = countingAuth();
    reuseConnectorClients(auth);
    const proactive = await auth.createConnectorFactory(claims('bot-a') as never).create('https://smba.example/emea/');
    const turn = await (
      await auth.authenticateRequest({} as never, 'Bearer x')
    ).connectorFactory!.create('https://smba.example/emea/');
    expect(turn).not.toBe(proactive);
    expect(built.connectors).toHaveLength(2);
  });

  it('builds a client again after building it failed', async () => {
    const { auth, built, claims, failOnce } = countingAuth();
    reuseConnectorClients(auth);
    failOnce();
    const factory = auth.createConnectorFactory(claims('bot-a') as never);
    await expect(factory.create('https://smba.example/emea/')).rejects.toThrow('connector down');
    await factory.create('https://smba.example/emea/');
    expect(built.connectors).toHaveLength(1);
  });

  it('keeps at most the given number of clients, forgetting the oldest', async () => {
    const { auth, built, claims } = countingAuth();
    const reused = reuseConnectorClients(auth, 2);
    const factory = auth.createConnectorFactory(claims('bot-a') as never);
    for (const region of ['emea', 'amer', 'apac']) await factory.create(`https://smba.example/${region}/`);
    expect(reused.clients()).toBe(2);
    await factory.create('https://smba.example/apac/');
    await factory.create('https://smba.example/emea/');
    expect(built.connectors.map((c) => c.split('/')[3])).toEqual(['emea', 'amer', 'apac', 'emea']);
  });
});
