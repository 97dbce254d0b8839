import { JwtIssuer, type TokenClaims } from '../support/jwt-issuer';
import {
  installation,
  message,
  person,
  personalConversationId,
  searchInvoke,
  startTestBot,
  type TestBot,
} from '../support/test-bot';

const APP_ID = '6f1b2c3d-0000-4000-8000-00000000b07a';

/**
 * Token validation by the Bot Framework adapter, proven without the internet: the adapter's
 * OpenID metadata setting points at a local key server (test/support/jwt-issuer.ts).
 */
describe('authentication of incoming activities (issue 7)', () => {
  let tb: TestBot;
  const issuer = new JwtIssuer();
  const teacher = person('mentor', 0);
  const stranger = person('docent', 1);

  const post = async (activity: object, authorization?: string) => {
    const res = await fetch(`${tb.bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization !== undefined ? { authorization } : {}) },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const good = (): TokenClaims => ({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: tb.connector.url });
  const bearer = (token: string) => `Bearer ${token}`;

  beforeAll(async () => {
    await issuer.start();
    tb = await startTestBot({
      env: {
        MICROSOFT_APP_ID: APP_ID,
        MICROSOFT_APP_PASSWORD: 'test-only-secret',
        MICROSOFT_APP_TYPE: 'MultiTenant',
        BOT_OPENID_METADATA: issuer.metadataUrl,
      },
    });
  });
  afterAll(async () => {
    await tb.close();
    await issuer.stop();
  });
  beforeEach(() => tb.connector.reset());

  it('accepts a token signed by the published key for this app and this serviceUrl, and runs the handler', async () => {
    const res = await post(searchInvoke(tb, teacher, 'a'), bearer(issuer.token(good())));
    expect(res.status).toBe(200);
    expect(res.body.value.results.length).toBeGreaterThan(0);
    expect(issuer.requests).toBeGreaterThan(0);
  });

  const refusals: [string, () => string | undefined][] = [
    ['no Authorization header', () => undefined],
    ['an empty Authorization header', () => ''],
    ['a scheme other than Bearer', () => `Basic ${issuer.token(good())}`],
    ['a token that is not a JWT', () => bearer('not-a-token')],
    ['a bad signature (a key nobody published)', () => bearer(issuer.signWithStrangerKey(good()))],
    [
      'a tampered payload',
      () => {
        const [h, , s] = issuer.token(good()).split('.');
        return bearer(
          [h, Buffer.from(JSON.stringify({ ...good(), aud: APP_ID, extra: 1 })).toString('base64url'), s].join('.'),
        );
      },
    ],
    ['a wrong audience (another bot)', () => bearer(issuer.token({ ...good(), aud: 'another-bot-app-id' }))],
    ['a wrong issuer', () => bearer(issuer.token({ ...good(), iss: 'https://evil.example.com' }))],
    [
      'an expired token',
      () =>
        bearer(
          issuer.token({
            ...good(),
            exp: Math.floor(Date.now() / 1000) - 3600,
            nbf: Math.floor(Date.now() / 1000) - 7200,
          }),
        ),
    ],
    [
      'a serviceUrl claim that does not match the activity',
      () => bearer(issuer.token({ ...good(), serviceurl: 'https://smba.trafficmanager.net/emea/' })),
    ],
  ];

  it.each(refusals)('refuses %s with 401, runs no handler and writes nothing', async (_case, header) => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const auditBefore = (await tb.repos.audit.forSchool('demo-school')).length;
      const search = await post(searchInvoke(tb, stranger, 'a'), header());
      const command = await post(message(tb, stranger, '/signaal'), header());
      const install = await post(installation(tb, stranger), header());
      for (const res of [search, command, install]) {
        expect(res.status).toBe(401);
        expect(res.body).toEqual({ error: 'unauthorized', correlationId: expect.any(String) });
      }
      expect(search.body.value).toBeUndefined();
      await new Promise((r) => setTimeout(r, 100));
      expect(tb.connector.calls).toHaveLength(0);
      expect(await tb.repos.directory.getConversation('demo-school', stranger.entraId)).toBeUndefined();
      expect(tb.connector.cards(personalConversationId(stranger))).toHaveLength(0);
      expect((await tb.repos.audit.forSchool('demo-school')).length).toBe(auditBefore);
    } finally {
      quiet.mockRestore();
    }
  });
});
