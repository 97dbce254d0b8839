import { MAX_ATTEMPTS, OutboxRunner, type DeliveryResult } from '../../src/jobs/outbox-runner';
import type { OutboxDoc } from '../../src/store/schemas/outbox-doc';
import { withEmbeddedRepositories } from '../support/embedded-repositories';

const now = new Date('2026-11-23T08:00:00Z');
const worker = { kind: 'user' as const, userId: 'w1' };

/**
 * Moving a person's messages forward (a new reference: `retryNow`, `releaseWaiting`) next to a runner
 * that is sending one of them: at most once, always in order.
 */
describe('releasing and retrying a person’s outbox messages on the embedded Cosmos server', () => {
  const db = withEmbeddedRepositories('release', now);

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

  it('leaves a message a runner is sending alone when a new reference moves retries forward, so it goes out once', async () => {
    const school = 'r1';
    await db.repos.outbox.enqueue(
      school,
      [{ key: 'in-flight', target: worker, payload: { kind: 'notice', params: {} } }],
      now,
    );
    const id = 'outbox:in-flight';
    // an earlier attempt failed: it waits out a backoff, with an error
    const first = await db.repos.outbox.get(school, id);
    await db.repos.outbox.save({ ...first!.doc, lastError: '502' }, first!.etag);

    const delivered: string[] = [];
    let movedDuringSend = -1;
    const sending = runner(async (doc) => {
      delivered.push(doc.id);
      // the person's new reference arrives while this send is under way
      movedDuringSend = await db.repos.outbox.retryNow(school, worker, now);
      return { status: 'sent', conversationId: 'c', activityId: 'a' };
    });
    await sending.runOnce();
    expect(movedDuringSend).toBe(0);
    expect((await db.repos.outbox.get(school, id))!.doc.status).toBe('sent');
    await runner(
      async (doc) => {
        delivered.push(doc.id);
        return { status: 'sent', conversationId: 'c', activityId: 'a' };
      },
      () => new Date(now.getTime() + 120_000),
    ).runOnce();
    expect(delivered).toEqual([id]);
  });

  it('releases a person’s waiting messages oldest first, so a runner never finds a later one due before an earlier one', async () => {
    const school = 'r2';
    for (const [i, key] of ['a', 'b', 'c'].entries())
      await db.repos.outbox.enqueue(
        school,
        [{ key, target: worker, payload: { kind: 'notice', params: {} } }],
        new Date(now.getTime() + i * 1000),
      );
    for (const key of ['c', 'a', 'b']) {
      const d = await db.repos.outbox.get(school, `outbox:${key}`);
      await db.repos.outbox.save({ ...d!.doc, status: 'waiting', lastError: 'unreachable:404' }, d!.etag);
    }
    const saved: string[] = [];
    const save = db.repos.outbox.save.bind(db.repos.outbox);
    db.repos.outbox.save = async (doc, etag) => {
      if (doc.status === 'pending') saved.push(doc.id);
      return save(doc, etag);
    };
    try {
      expect(await db.repos.outbox.releaseWaiting(school, worker, now)).toBe(3);
    } finally {
      db.repos.outbox.save = save;
    }
    expect(saved).toEqual(['outbox:a', 'outbox:b', 'outbox:c']);
  });

  it('parks a person’s message whose connection stayed gone through every attempt, instead of giving it up', async () => {
    const school = 'r3';
    await db.repos.outbox.enqueue(
      school,
      [{ key: 'gone', target: worker, payload: { kind: 'notice', params: {} } }],
      now,
    );
    const d = await db.repos.outbox.get(school, 'outbox:gone');
    await db.repos.outbox.save({ ...d!.doc, attempts: MAX_ATTEMPTS - 1, lastError: 'ECONNREFUSED' }, d!.etag);
    await runner(async () => ({
      status: 'failed',
      failure: { kind: 'connection-lost', code: 'ECONNREFUSED' },
    })).runOnce();
    expect((await db.repos.outbox.get(school, 'outbox:gone'))!.doc).toMatchObject({
      status: 'waiting',
      lastError: 'connection-lost:ECONNREFUSED',
      attempts: 0,
    });
    // an HTTP error that persists is still given up (a message Teams keeps rejecting would not improve by waiting)
    await db.repos.outbox.enqueue(
      school,
      [{ key: 'bad', target: worker, payload: { kind: 'notice', params: {} } }],
      now,
    );
    const b = await db.repos.outbox.get(school, 'outbox:bad');
    await db.repos.outbox.save({ ...b!.doc, attempts: MAX_ATTEMPTS - 1, lastError: '400' }, b!.etag);
    await runner(async () => ({ status: 'failed', failure: { kind: 'http', status: 400 } })).runOnce();
    expect((await db.repos.outbox.get(school, 'outbox:bad'))!.doc.status).toBe('dead');
  });
});
