import type { OutboxPort, OutboxTarget, Versioned } from '../app/core/ports';
import { DocStore } from './doc-store';
import {
  DeliveryDocSchema,
  OutboxDocSchema,
  conversationKeyOf,
  deliveryDocId,
  outboxDoc,
  type DeliveryDoc,
  type NewOutboxMessage,
  type OutboxDoc,
} from './schemas/outbox-doc';

const inConversationOrder = (docs: OutboxDoc[]) =>
  [...docs].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.seq - b.seq);
/** A runner holds the message: its claim set dueAt to the claim's end and has not ended yet. */
const isClaimed = (doc: OutboxDoc, now: Date) =>
  !!doc.claimedUntil && doc.claimedUntil === doc.dueAt && doc.claimedUntil > now.toISOString();

/** A query's TOP: 1 to 500 messages. */
const pageSize = (limit: number) => Math.max(1, Math.min(500, Math.floor(limit)));

const isBefore = (a: Pick<OutboxDoc, 'createdAt' | 'seq'>, b: Pick<OutboxDoc, 'createdAt' | 'seq'>) =>
  a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.seq < b.seq);

/** Where a sent copy landed: what a later update in place of it needs. */
export interface Delivery {
  subjectId: string;
  target: OutboxTarget;
  conversationId: string;
  activityId: string;
  at: Date;
}

const deliveryDoc = (schoolId: string, d: Delivery): DeliveryDoc => ({
  id: deliveryDocId(d.subjectId, d.target),
  type: 'delivery',
  schoolId,
  subjectId: d.subjectId,
  target: d.target,
  conversationId: d.conversationId,
  activityId: d.activityId,
  at: d.at.toISOString(),
});

/** What ordering needs of a message: whose conversation, and where in it. */
const OutboxOrderFieldsSchema = OutboxDocSchema.pick({
  id: true,
  schoolId: true,
  target: true,
  createdAt: true,
  seq: true,
});
type OrderFields = Pick<OutboxDoc, 'id' | 'schoolId' | 'target' | 'createdAt' | 'seq'>;

/** Pending messages a pass does not send, by conversation: later messages of theirs wait. */
export class HeldBack {
  private readonly byConversation = new Map<string, OrderFields[]>();
  constructor(rows: OrderFields[]) {
    for (const r of rows) {
      const k = conversationKeyOf(r);
      this.byConversation.set(k, [...(this.byConversation.get(k) ?? []), r]);
    }
  }

  /** An earlier message to the same conversation is still undelivered (to keep per-conversation order). */
  hasEarlier(doc: OrderFields): boolean {
    return (this.byConversation.get(conversationKeyOf(doc)) ?? []).some((h) => h.id !== doc.id && isBefore(h, doc));
  }
}

/** The durable outbox and the record of delivered card copies (both in the `cases` container). */
export class OutboxRepository implements OutboxPort {
  constructor(private readonly store: DocStore) {}

  /**
   * What one pass of the runner sends and what it must wait for, in one query when it can: the
   * oldest pending messages, due or not (waiting out a backoff, claimed by a runner). Every pending
   * message created before the page's last one is in the page, so the ones not due yet are exactly
   * what the due ones created before that last one must wait for — in the same answer, so nothing
   * moves between two reads. Due messages created at the page's last moment are left for the next
   * pass (more of that moment may lie beyond the page). A page full of messages that are not due
   * (a Teams outage) or all of one moment (a large fan-out) falls back to `due` and `heldBack`.
   * `full`: there may be more than this page.
   */
  async pass(now: Date, limit: number): Promise<{ due: Versioned<OutboxDoc>[]; held: HeldBack; full: boolean }> {
    const top = pageSize(limit);
    const pending = await this.pending(top);
    const at = now.toISOString();
    const notDue = pending.filter((p) => p.doc.dueAt > at).map((p) => p.doc);
    if (pending.length < top)
      return { due: pending.filter((p) => p.doc.dueAt <= at), held: new HeldBack(notDue), full: false };
    const last = pending[pending.length - 1].doc.createdAt;
    const due = pending.filter((p) => p.doc.dueAt <= at && p.doc.createdAt < last);
    if (due.length) return { due, held: new HeldBack(notDue), full: true };
    const page = await this.due(now, top);
    // Asked after `due`: a message claimed or made due since is held back here, or in `due` and refused at its claim.
    const held = await this.heldBack(page.map((d) => d.doc));
    return { due: page, held, full: page.length === top };
  }

  /** The oldest pending messages, due or not, across schools. */
  pending(limit: number): Promise<Versioned<OutboxDoc>[]> {
    return this.store.queryVersioned(
      OutboxDocSchema,
      `SELECT TOP ${pageSize(limit)} * FROM c WHERE c.type = 'outbox' AND c.status = 'pending' ORDER BY c.createdAt ASC`,
    );
  }

  /**
   * Messages due now, oldest created first, across schools. Not by dueAt: a retried message keeps
   * its place at the head of its conversation (its dueAt moved later than its successors'), and
   * ordering by dueAt would fill the page with successors that must wait for it — starving it.
   */
  due(now: Date, limit: number): Promise<Versioned<OutboxDoc>[]> {
    return this.store.queryVersioned(
      OutboxDocSchema,
      `SELECT TOP ${pageSize(limit)} * FROM c WHERE c.type = 'outbox' AND c.status = 'pending' AND c.dueAt <= @now ORDER BY c.createdAt ASC`,
      { now: now.toISOString() },
    );
  }

  /**
   * The pending messages a pass must wait for: every pending message created no later than the
   * last one of its `page` (the `due` query's answer) that is not in that page — waiting out a
   * backoff, claimed by a runner, or moved since the page was read (a new reference made a retry
   * due, a runner claimed one). Asked after `due`, so nothing that changed in between slips
   * through. One query per pass, of a few small fields, instead of one per conversation.
   */
  async heldBack(page: OutboxDoc[]): Promise<HeldBack> {
    if (page.length === 0) return new HeldBack([]);
    const last = page.reduce((max, d) => (d.createdAt > max ? d.createdAt : max), page[0].createdAt);
    const rows = await this.store.query(
      OutboxOrderFieldsSchema,
      "SELECT c.id, c.schoolId, c.target, c.createdAt, c.seq FROM c WHERE c.type = 'outbox' AND c.status = 'pending' AND c.createdAt <= @last",
      { last },
    );
    const inPage = new Set(page.map((d) => `${d.schoolId}|${d.id}`));
    return new HeldBack(rows.filter((r) => !inPage.has(`${r.schoolId}|${r.id}`)));
  }

  /** Messages parked because their recipient has no conversation reference yet. */
  waitingFor(schoolId: string, target: OutboxTarget): Promise<OutboxDoc[]> {
    const where = target.kind === 'user' ? 'c.target.userId = @k' : 'c.target.channel = @k';
    return this.store.query(
      OutboxDocSchema,
      `SELECT * FROM c WHERE c.type = 'outbox' AND c.status = 'waiting' AND ${where}`,
      { k: target.kind === 'user' ? target.userId : target.channel },
      schoolId,
    );
  }

  /**
   * The recipient can be reached now: its parked messages become due again, in their order. Released
   * oldest first: a runner that picks up a released message meanwhile must not find a later one
   * pending while an earlier one still waits (it would send it first).
   */
  async releaseWaiting(schoolId: string, target: OutboxTarget, now: Date): Promise<number> {
    const waiting = inConversationOrder(await this.waitingFor(schoolId, target));
    let n = 0;
    for (const doc of waiting) {
      const current = await this.store.read(OutboxDocSchema, doc.id, schoolId);
      if (!current || current.doc.status !== 'waiting') continue;
      if (await this.save({ ...current.doc, status: 'pending', dueAt: now.toISOString() }, current.etag)) n++;
    }
    return n;
  }

  /**
   * The recipient has a new conversation reference (reinstalled, or another client): messages that
   * failed on the old one and wait out a backoff become due now, in their order, with fresh attempts.
   */
  async retryNow(schoolId: string, target: OutboxTarget, now: Date): Promise<number> {
    const where = target.kind === 'user' ? 'c.target.userId = @k' : 'c.target.channel = @k';
    const retrying = await this.store.query(
      OutboxDocSchema,
      `SELECT * FROM c WHERE c.type = 'outbox' AND c.status = 'pending' AND IS_DEFINED(c.lastError) AND c.dueAt > @now AND ${where}`,
      { k: target.kind === 'user' ? target.userId : target.channel, now: now.toISOString() },
      schoolId,
    );
    let n = 0;
    for (const doc of inConversationOrder(retrying)) {
      const current = await this.store.read(OutboxDocSchema, doc.id, schoolId);
      if (!current || current.doc.status !== 'pending' || current.doc.lastError === undefined) continue;
      // Being sent right now (a runner's claim): leave it alone. Moving it would change its ETag, so
      // the runner could not record the send, and the message would go out a second time.
      if (isClaimed(current.doc, now)) continue;
      if (await this.save({ ...current.doc, dueAt: now.toISOString(), attempts: 0 }, current.etag)) n++;
    }
    return n;
  }

  async get(schoolId: string, id: string) {
    return this.store.read(OutboxDocSchema, id, schoolId);
  }

  /** ETag-guarded status change; false when another runner got there first. */
  async save(doc: OutboxDoc, etag: string): Promise<boolean> {
    return (await this.store.replace(doc, etag)) === 'ok';
  }

  /** ETag-guarded change that answers the message as now stored (with its new ETag), or undefined when another runner got there first. */
  async saveVersioned(doc: OutboxDoc, etag: string): Promise<{ doc: OutboxDoc; etag: string } | undefined> {
    const res = await this.store.replaceVersioned(doc, etag);
    return res.outcome === 'ok' && res.etag ? { doc, etag: res.etag } : undefined;
  }

  async enqueue(schoolId: string, messages: NewOutboxMessage[], now: Date): Promise<void> {
    for (let i = 0; i < messages.length; i += 100) {
      const chunk = messages.slice(i, i + 100);
      const res = await this.store.batch(
        schoolId,
        chunk.map((m, j) => ({ operationType: 'Create' as const, resourceBody: outboxDoc(schoolId, m, now, i + j) })),
      );
      if (!res.ok && res.status !== 409) throw new Error(`Outbox enqueue failed with status ${res.status}`);
      if (!res.ok) for (const [j, m] of chunk.entries()) await this.store.create(outboxDoc(schoolId, m, now, i + j));
    }
  }

  /**
   * A sent message: marked sent (ETag-guarded) together with the records of where its copies
   * landed (what a later update in place reads), in one transactional batch — one request instead
   * of one per document. When the message changed since the claim (a try of this write that landed
   * unseen, or another runner after the claim ended) the records are written on their own, as
   * before, and the answer is false. Throws on anything else (a store fault: safe to repeat).
   */
  async markSent(doc: OutboxDoc, etag: string, deliveries: Delivery[]): Promise<boolean> {
    const records = deliveries.map((d) => deliveryDoc(doc.schoolId, d));
    const res = await this.store.batch(doc.schoolId, [
      ...records.map((r) => ({ operationType: 'Upsert' as const, resourceBody: r })),
      { operationType: 'Replace' as const, id: doc.id, resourceBody: doc, ifMatch: etag },
    ]);
    if (res.ok) return true;
    if (res.status !== 412 && res.status !== 404)
      throw new Error(`Outbox sent record failed with status ${res.status}`);
    for (const r of records) await this.store.upsert(r);
    return false;
  }

  deliveriesOf(schoolId: string, subjectId: string): Promise<DeliveryDoc[]> {
    return this.store.query(
      DeliveryDocSchema,
      "SELECT * FROM c WHERE c.type = 'delivery' AND c.subjectId = @s",
      { s: subjectId },
      schoolId,
    );
  }

  countByStatus(status: OutboxDoc['status']): Promise<number[]> {
    return this.store.queryValues<number>("SELECT VALUE COUNT(1) FROM c WHERE c.type = 'outbox' AND c.status = @s", {
      s: status,
    });
  }
}
