import { OutboxRunner, type DeliveryResult } from '../../src/jobs/outbox-runner';
import type { OutboxDoc } from '../../src/store/schemas/outbox-doc';
import { withEmbeddedRepositories } from '../support/embedded-repositories';

const now = new Date('2026-11-23T08:00:00Z');
const worker = { kind: 'user' as const, userId: 'w1' };

/** A send Teams has, whose record in the store first fails (a 503, a dropped connection): issue 19, store faults. */
describe('recording a send after a store fault on the embedded Cosmos server', () => {
  const db = withEmbeddedRepositories('sent-record', now);

  const runner = (deliver: (doc: OutboxDoc) => Promise<DeliveryResult>, at: () => Date) =>
    new OutboxRunner({
      outbox: db.repos.outbox,
      directory: db.repos.directory,
      deliver,
      now: at,
      pollMs: 1000,
      teamsRateLimits: false,
      backoffBaseMs: 60_000,
    });

  it.each([
    ['a 503 before the write', false],
    ['a dropped answer after the write landed', true],
  ])('marks the message sent after %s, so it does not go out again when its claim ends', async (_name, landed) => {
    const school = landed ? 'landed' : 'lost';
    await db.repos.outbox.enqueue(
      school,
      [{ key: `${school}-notice`, target: worker, payload: { kind: 'notice', params: {} } }],
      now,
    );
    const id = `outbox:${school}-notice`;
    const save = db.repos.outbox.save.bind(db.repos.outbox);
    let failed = 0;
    db.repos.outbox.save = async (doc, etag) => {
      if (doc.status === 'sent' && failed++ === 0) {
        if (landed) await save(doc, etag);
        throw Object.assign(
          new Error(landed ? 'socket hang up' : 'Service unavailable'),
          landed ? { code: 'ECONNRESET' } : { code: 503 },
        );
      }
      return save(doc, etag);
    };
    const delivered: string[] = [];
    const send = async (doc: OutboxDoc): Promise<DeliveryResult> => (
      delivered.push(doc.id),
      { status: 'sent', conversationId: 'c', activityId: 'a' }
    );
    try {
      await runner(send, () => now).runOnce();
    } finally {
      db.repos.outbox.save = save;
    }
    expect(failed).toBe(2);
    expect((await db.repos.outbox.get(school, id))!.doc.status).toBe('sent');
    // past the claim's end (a minute): nothing left to send
    await runner(send, () => new Date(now.getTime() + 120_000)).runOnce();
    expect(delivered).toEqual([id]);
  });
});
