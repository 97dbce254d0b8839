import type { OutboxDoc } from '../../src/store/schemas/outbox-doc';
import { withEmbeddedRepositories } from '../support/embedded-repositories';

const t0 = new Date('2026-11-23T08:00:00Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);
const notice = (key: string, userId: string) => ({
  key,
  target: { kind: 'user' as const, userId },
  payload: { kind: 'notice', params: {} },
});
const ids = (due: { doc: OutboxDoc }[]) => due.map((d) => d.doc.id).sort();

/** What one pass of the outbox runner reads (issue 18): one query when fewer than a page are pending. */
describe('what an outbox pass sends and waits for (embedded Cosmos server)', () => {
  describe('fewer pending messages than a page', () => {
    const db = withEmbeddedRepositories('pass-small', t0);

    it('answers the due messages and the ones they wait for from a single query', async () => {
      const { outbox, cosmos } = db.repos;
      await outbox.enqueue('p1', [notice('m1', 'w1'), notice('m2', 'w1')], t0);
      await outbox.enqueue('p1', [notice('m3', 'w2')], at(1));
      const m1 = (await outbox.get('p1', 'outbox:m1'))!;
      await outbox.save({ ...m1.doc, lastError: '502', attempts: 1, dueAt: at(60).toISOString() }, m1.etag);
      cosmos.meter.reset();
      const { due, held, full } = await outbox.pass(at(2), 10);
      expect(cosmos.meter.snapshot().byKind['docs:query']).toBe(1);
      expect(ids(due)).toEqual(['outbox:m2', 'outbox:m3']);
      expect(full).toBe(false);
      const byId = (id: string) => due.find((d) => d.doc.id === id)!.doc;
      expect(held.hasEarlier(byId('outbox:m2'))).toBe(true);
      expect(held.hasEarlier(byId('outbox:m3'))).toBe(false);
    });
  });

  describe('a full page', () => {
    const db = withEmbeddedRepositories('pass-full', t0);

    it('leaves the due messages of the page’s last moment for the next pass, since more of that moment may lie beyond the page', async () => {
      const { outbox } = db.repos;
      await outbox.enqueue('p2', [notice('a', 'w1')], t0);
      await outbox.enqueue('p2', [notice('b', 'w2'), notice('c', 'w2')], at(1));
      const { due, full } = await outbox.pass(at(2), 2);
      expect(ids(due)).toEqual(['outbox:a']);
      expect(full).toBe(true);
    });
  });

  describe('a full page of messages waiting out a backoff', () => {
    const db = withEmbeddedRepositories('pass-backoff', t0);

    it('falls back to the due and held-back queries, so a due message behind the page is not starved', async () => {
      const { outbox } = db.repos;
      await outbox.enqueue('p3', [notice('x1', 'w1')], t0);
      await outbox.enqueue('p3', [notice('x2', 'w2'), notice('x3', 'w1')], at(1));
      const x1 = (await outbox.get('p3', 'outbox:x1'))!;
      await outbox.save({ ...x1.doc, lastError: '503', attempts: 1, dueAt: at(60).toISOString() }, x1.etag);
      const { due, held } = await outbox.pass(at(2), 1);
      expect(due).toHaveLength(1);
      // x1 waits out its backoff: whichever of x2 (another person) and x3 (after x1) came, only x3 waits for it
      expect(held.hasEarlier(due[0].doc)).toBe(due[0].doc.id === 'outbox:x3');
    });
  });
});
