import { OutboxRunner, type DeliveryResult } from '../../src/jobs/outbox-runner';
import type { OutboxDoc } from '../../src/store/schemas/outbox-doc';
import { withEmbeddedRepositories } from '../support/embedded-repositories';

const now = new Date('2026-11-23T08:00:00Z');
const sent = (): DeliveryResult => ({ status: 'sent', conversationId: 'c', activityId: 'a' });

describe('the outbox runner’s pass on the embedded Cosmos server', () => {
  const db = withEmbeddedRepositories('order', now);

  const runner = (deliver: (doc: OutboxDoc) => Promise<DeliveryResult>, at: () => Date = () => now) =>
    new OutboxRunner({
      outbox: db.repos.outbox,
      directory: db.repos.directory,
      deliver,
      now: at,
      pollMs: 1000,
      teamsRateLimits: false,
      backoffBaseMs: 60_000,
    });

  it('keeps a person’s later message back while an earlier one waits out a backoff, then sends both in order', async () => {
    const school = 'o1';
    const worker = { kind: 'user' as const, userId: 'w1' };
    await db.repos.outbox.enqueue(
      school,
      [
        { key: 'first', target: worker, payload: { kind: 'notice', params: {} } },
        { key: 'second', target: worker, payload: { kind: 'notice', params: {} } },
      ],
      now,
    );
    const first = await db.repos.outbox.get(school, 'outbox:first');
    await db.repos.outbox.save(
      { ...first!.doc, lastError: '502', dueAt: new Date(now.getTime() + 60_000).toISOString() },
      first!.etag,
    );

    const delivered: string[] = [];
    const deliver = async (doc: OutboxDoc) => (delivered.push(doc.id), sent());
    await runner(deliver).runOnce();
    expect(delivered).toEqual([]);
    await runner(deliver, () => new Date(now.getTime() + 61_000)).runOnce();
    expect(delivered).toEqual(['outbox:first', 'outbox:second']);
  });

  it('does not send a later message when the earlier one becomes due right after the pass read what is pending (a new reference moved its retry)', async () => {
    const school = 'o4';
    const worker = { kind: 'user' as const, userId: 'w4' };
    await db.repos.outbox.enqueue(
      school,
      [
        { key: 'm1', target: worker, payload: { kind: 'notice', params: {} } },
        { key: 'm2', target: worker, payload: { kind: 'notice', params: {} } },
      ],
      now,
    );
    const first = await db.repos.outbox.get(school, 'outbox:m1');
    await db.repos.outbox.save(
      { ...first!.doc, lastError: 'ECONNREFUSED', attempts: 1, dueAt: new Date(now.getTime() + 60_000).toISOString() },
      first!.etag,
    );
    const realPending = db.repos.outbox.pending.bind(db.repos.outbox);
    jest.spyOn(db.repos.outbox, 'pending').mockImplementationOnce(async (limit) => {
      const page = await realPending(limit); // m2 due, m1 waiting out its backoff
      await db.repos.outbox.retryNow(school, worker, now); // the teacher opens Waakvlam again right now
      return page;
    });
    const delivered: string[] = [];
    const deliver = async (doc: OutboxDoc) => (delivered.push(doc.id), sent());
    await runner(deliver).runOnce();
    expect(delivered).not.toContain('outbox:m2');
    await runner(deliver).runOnce();
    expect(delivered.filter((id) => id.startsWith('outbox:m'))).toEqual(['outbox:m1', 'outbox:m2']);
  });

  it('tries a message again at once when its connection failed while the person reconnected, instead of waiting out a backoff', async () => {
    const school = 'o5';
    const worker = { kind: 'user' as const, userId: 'w5' };
    const ref = (port: number) => ({
      serviceUrl: `http://127.0.0.1:${port}/`,
      channelId: 'msteams',
      conversation: { id: 'a:w5' },
      bot: { id: '28:bot' },
    });
    let clock = now.getTime();
    await db.repos.directory.saveConversation(school, worker.userId, ref(9), new Date(clock));
    await db.repos.outbox.enqueue(
      school,
      [{ key: 'reconnect', target: worker, payload: { kind: 'notice', params: {} } }],
      now,
    );
    const attempts: string[] = [];
    const deliver = async (): Promise<DeliveryResult> => {
      attempts.push('try');
      if (attempts.length > 1) return sent();
      // the person opens Waakvlam in a new client while this send to the old one fails
      clock += 1_000;
      await db.repos.directory.saveConversation(school, worker.userId, ref(10), new Date(clock));
      return { status: 'failed', failure: { kind: 'connection-lost', code: 'ECONNREFUSED' } };
    };
    const at = () => new Date(clock);
    await runner(deliver, at).runOnce();
    await runner(deliver, at).runOnce();
    expect(attempts).toEqual(['try', 'try']);
    expect((await db.repos.outbox.get(school, 'outbox:reconnect'))!.doc.status).toBe('sent');
  });

  it('claims each due message with the ETag its query returned: a claim and a save per message, one query per pass, no read per message', async () => {
    const school = 'o2';
    const n = 12;
    await db.repos.outbox.enqueue(
      school,
      Array.from({ length: n }, (_, i) => ({
        key: `fan-${i}`,
        target: { kind: 'user' as const, userId: `fan-w${i}` },
        payload: { kind: 'notice', params: {} },
      })),
      now,
    );
    db.repos.cosmos.meter.reset();
    const delivered: string[] = [];
    await runner(async (doc) => (delivered.push(doc.id), sent())).runOnce();
    expect(delivered).toHaveLength(n);
    const kinds = db.repos.cosmos.meter.snapshot().byKind;
    // one cross-school query (what is pending, due or held back: outbox-pass.test.ts) and the SDK's query plan for it (a docs read); none per message
    expect(kinds['docs:read'] ?? 0).toBeLessThanOrEqual(1);
    expect(kinds['docs:query']).toBe(1);
    expect((kinds['docs:replace'] ?? 0) + (kinds['docs:upsert'] ?? 0)).toBe(2 * n);
  });

  it('leaves a message another runner changed after the query for the next pass, and sends it once', async () => {
    const school = 'o3';
    const worker = { kind: 'user' as const, userId: 'w3' };
    await db.repos.outbox.enqueue(
      school,
      [{ key: 'raced', target: worker, payload: { kind: 'notice', params: {} } }],
      now,
    );
    const pending = await db.repos.outbox.pending(200);
    const mine = pending.find((d) => d.doc.id === 'outbox:raced')!;
    // another runner sends it between this runner's query and its claim
    await db.repos.outbox.save({ ...mine.doc, status: 'sent', sentAt: now.toISOString() }, mine.etag);
    const delivered: string[] = [];
    const stale = runner(async (doc) => (delivered.push(doc.id), sent()));
    jest.spyOn(db.repos.outbox, 'pending').mockResolvedValueOnce([mine]);
    await stale.runOnce();
    expect(delivered).toEqual([]);
    await stale.runOnce();
    expect(delivered).toEqual([]);
  });
});

describe('a slow send does not hold up the outbox (embedded Cosmos server)', () => {
  const db = withEmbeddedRepositories('slow', now);

  it('delivers a message to another person that arrives while a send to an unreachable endpoint hangs, without waiting for it', async () => {
    const school = 's1';
    const delivered: string[] = [];
    let slowStarted!: () => void;
    const started = new Promise<void>((r) => (slowStarted = r));
    let releaseSlow!: () => void;
    const released = new Promise<void>((r) => (releaseSlow = r));
    const runner = new OutboxRunner({
      outbox: db.repos.outbox,
      directory: db.repos.directory,
      now: () => now,
      pollMs: 60_000,
      teamsRateLimits: false,
      deliver: async (doc) => {
        if (doc.id === 'outbox:slow') {
          slowStarted();
          await released; // the SDK retrying a connection that is refused, for seconds
        }
        delivered.push(doc.id);
        return { status: 'sent', conversationId: 'c', activityId: 'a' };
      },
    });
    const waitFor = async (done: () => boolean) => {
      for (const t0 = Date.now(); !done() && Date.now() - t0 < 5_000;) await new Promise((r) => setTimeout(r, 20));
    };
    runner.start();
    try {
      await db.repos.outbox.enqueue(
        school,
        [{ key: 'slow', target: { kind: 'user', userId: 'gone' }, payload: { kind: 'notice', params: {} } }],
        now,
      );
      runner.kick();
      await started;
      await db.repos.outbox.enqueue(
        school,
        [{ key: 'summary', target: { kind: 'user', userId: 'coordinator' }, payload: { kind: 'notice', params: {} } }],
        now,
      );
      runner.kick();
      await waitFor(() => delivered.includes('outbox:summary'));
      expect(delivered).toEqual(['outbox:summary']);
      releaseSlow();
      await waitFor(() => delivered.length === 2);
      expect(delivered).toEqual(['outbox:summary', 'outbox:slow']);
    } finally {
      releaseSlow();
      await runner.stop();
    }
  });
});
