import { SCHOOL, raiseSignal, teacher } from '../support/claimed-signal';
import { installation, person, personalConversationId, startTestBot, type TestBot } from '../support/test-bot';

/**
 * What the outbox runner spends in store requests per delivered message (issue 18, the whole
 * path): a new signal's card to each of the school's two prevention workers, sent in one pass.
 */
describe('store requests per delivered outbox message', () => {
  let tb: TestBot;
  const workers = [person('preventiewerker', 0), person('preventiewerker', 1)];
  const meter = () => tb.repos.cosmos.meter;
  const cards = () => workers.reduce((n, w) => n + tb.connector.sentTo(personalConversationId(w)).length, 0);

  beforeAll(async () => {
    tb = await startTestBot({ startJobs: false });
    for (const who of [teacher, ...workers]) await tb.post(installation(tb, who));
  });
  afterAll(async () => tb.close());

  it('delivers a new signal’s two worker cards in at most seven store requests: one query, a claim and a sent record per card, the signal read once', async () => {
    await raiseSignal(tb);
    await tb.bot.outbox.runOnce(); // the first pass of the process reads the staff and school lists
    await raiseSignal(tb);
    const before = cards();
    meter().reset();
    expect(await tb.bot.outbox.runOnce()).toBe(2);
    const { requests, byKind } = meter().snapshot();
    expect(cards()).toBe(before + 2);
    // the pending query and the SDK's query plan for it; per card its claim and one batch (sent, with
    // where the copy landed); the signal read once for both cards; the workers' references not read
    expect(requests).toBeLessThanOrEqual(7);
    expect(byKind['docs:query']).toBe(1);
    expect(byKind['docs:batch']).toBe(2);
  });

  it('sends on the reference another instance stored when Teams refuses the one this process confirmed', async () => {
    const [worker] = workers;
    const stored = (await tb.repos.directory.getConversation(SCHOOL, worker.entraId))!.reference;
    const moved = `a:elsewhere-${worker.entraId}`;
    await tb.repos.directory.saveConversation(
      SCHOOL,
      worker.entraId,
      { ...stored, conversation: { ...stored.conversation, id: moved } },
      tb.clock.now(),
    );
    tb.connector.refuse(personalConversationId(worker), 403);
    try {
      await raiseSignal(tb);
      await tb.bot.outbox.runOnce();
      expect(tb.connector.sentTo(moved)).toHaveLength(1);
      // the old one is no longer trusted: the next card goes to the stored reference at once
      await raiseSignal(tb);
      await tb.bot.outbox.runOnce();
      expect(tb.connector.sentTo(moved)).toHaveLength(2);
    } finally {
      tb.connector.accept(personalConversationId(worker));
    }
  });
});
