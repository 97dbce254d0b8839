import { log } from '../../src/log';
import { installation, person, personalConversationId, startTestBot, type TestBot } from '../support/test-bot';

const SCHOOL = 'demo-school';

/**
 * Issue 15: an outbox message whose kind this version has no renderer for (written by a newer
 * version, read back from the store) is not skipped as if it were sent: it is marked dead with a
 * visible reason and logged by kind and id, and the messages after it in the conversation go on.
 */
describe('an outbox message of an unknown kind', () => {
  let tb: TestBot;
  const worker = person('preventiewerker');

  const drain = async () => {
    for (let i = 0; i < 4; i++) await tb.bot.outbox.runOnce();
  };
  const outboxDoc = async (id: string) =>
    (
      await tb.repos.cases.queryValues<{ status: string; lastError?: string }>(
        "SELECT * FROM c WHERE c.type = 'outbox' AND c.id = @id",
        { id },
        SCHOOL,
      )
    )[0];

  beforeAll(async () => {
    tb = await startTestBot({ startJobs: false, env: { OUTBOX_TEAMS_LIMITS: 'off' } });
    tb.bot.deps.kickOutbox = () => undefined;
    await tb.post(installation(tb, worker));
    await drain();
    tb.connector.reset();
  });
  afterAll(async () => tb.close());

  it('is marked dead with its kind as the reason and logged by kind and id, while the next message still goes out', async () => {
    const errors = jest.spyOn(log, 'error');
    const { dead, skipped } = tb.bot.outbox.stats;
    const target = { kind: 'user' as const, userId: worker.entraId };
    // Written the way a newer version would: straight into the store, with a kind this version lacks.
    await tb.repos.outbox.enqueue(
      SCHOOL,
      [
        { key: 'test:from-a-newer-version', target, payload: { kind: 'fromANewerVersion', params: {} } },
        { key: 'test:after-it', target, payload: { kind: 'notice', params: { title: 'Test', text: 'Daarna.' } } },
      ],
      tb.clock.now(),
    );
    await drain();

    expect(await outboxDoc('outbox:test:from-a-newer-version')).toMatchObject({
      status: 'dead',
      lastError: 'unknown-kind:fromANewerVersion',
    });
    expect(tb.bot.outbox.stats.dead).toBe(dead + 1);
    expect(tb.bot.outbox.stats.skipped).toBe(skipped);
    const logged = errors.mock.calls.filter(([msg]) => msg === 'outbox.unknown_kind').map(([, fields]) => fields);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ id: 'outbox:test:from-a-newer-version' });
    expect(JSON.stringify(logged[0])).toContain('fromANewerVersion');
    expect((await outboxDoc('outbox:test:after-it')).status).toBe('sent');
    const received = tb.connector.cards(personalConversationId(worker)).map((c) => JSON.stringify(c));
    expect(received).toHaveLength(1);
    expect(received[0]).toContain('Daarna.');
    errors.mockRestore();
  });
});
