import { pw1 as worker, raiseSignal, teacher } from '../support/claimed-signal';
import { installation, message, personalConversationId, startTestBot, type TestBot } from '../support/test-bot';

/**
 * The adapter reuses its connector clients across turns (src/bot/core/reused-connector-clients.ts).
 * The outbox takes the SDK's retries out of the client it sends with (connector-retries.ts): a
 * turn's reply must keep them, so a turn never gets a proactive send's client.
 */
describe('connector clients reused across turns and proactive sends', () => {
  let tb: TestBot;

  beforeAll(async () => {
    tb = await startTestBot({ env: { CONNECTOR_SDK_RETRIES: 'off' } });
    await tb.post(installation(tb, teacher));
    await tb.post(installation(tb, worker));
  });
  afterAll(async () => tb.close());

  const outboxQuiet = async () => {
    for (let i = 0; i < 200; i++) {
      const [pending] = await tb.repos.outbox.countByStatus('pending');
      if (!pending) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('the outbox did not become quiet');
  };

  it("retries a turn's reply the connector refused once, after the outbox sent on its own client", async () => {
    const { reference } = await raiseSignal(tb);
    // a proactive send: the outbox's client, without the SDK's retries
    await tb.connector.waitFor(() =>
      tb.connector.cards(personalConversationId(worker)).some((c) => JSON.stringify(c).includes(reference)),
    );
    await outboxQuiet();
    const teacherCalls = () =>
      tb.connector.calls.filter((c) => c.conversationId === personalConversationId(teacher) && c.method === 'POST');
    const before = teacherCalls().length;
    tb.connector.failNext({ status: 503 });
    expect((await tb.post(message(tb, teacher, '/help'))).status).toBe(200);
    const reply = teacherCalls().slice(before);
    expect(reply.map((c) => c.status)).toEqual([503, 200]);
    expect(JSON.stringify(reply[1].body)).toContain('/signaal');
    expect(tb.bot.reusedClients()).toBeGreaterThanOrEqual(2);
  });
});
