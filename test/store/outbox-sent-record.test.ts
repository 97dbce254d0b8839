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

  it.each([
    ['a 503 before the write', false],
    ['a dropped answer after the write landed', true],
  ])(
    'marks a signal card sent together with where its copy landed after %s (one batch), so a later update finds it',
    async (_name, landed) => {
      const school = landed ? 'card-landed' : 'card-lost';
      await db.repos.outbox.enqueue(
        school,
        [{ key: `${school}-card`, target: worker, payload: { kind: 'signalCard', signalId: 'sig-1', params: {} } }],
        now,
      );
      const id = `outbox:${school}-card`;
      const markSent = db.repos.outbox.markSent.bind(db.repos.outbox);
      let failed = 0;
      db.repos.outbox.markSent = async (doc, etag, deliveries) => {
        if (failed++ === 0) {
          if (landed) await markSent(doc, etag, deliveries);
          throw Object.assign(new Error(landed ? 'socket hang up' : 'Service unavailable'), { code: 503 });
        }
        return markSent(doc, etag, deliveries);
      };
      const delivered: string[] = [];
      const send = async (doc: OutboxDoc): Promise<DeliveryResult> => (
        delivered.push(doc.id),
        { status: 'sent', conversationId: 'conv-w1', activityId: 'act-1' }
      );
      try {
        await runner(send, () => now).runOnce();
      } finally {
        db.repos.outbox.markSent = markSent;
      }
      expect(failed).toBe(2);
      expect((await db.repos.outbox.get(school, id))!.doc.status).toBe('sent');
      const records = await db.repos.outbox.deliveriesOf(school, 'sig-1');
      expect(records.map((r) => [r.conversationId, r.activityId])).toEqual([['conv-w1', 'act-1']]);
      await runner(send, () => new Date(now.getTime() + 120_000)).runOnce();
      expect(delivered).toEqual([id]);
    },
  );
});
