import type { Signal } from '../domain/signal';
import type { SignalPort, Versioned } from '../app/core/ports';
import { DocStore, type BatchOp } from './doc-store';
import { againAfterStoreFault } from './store-fault-retry';
import { outboxDoc, type NewOutboxMessage } from './schemas/outbox-doc';
import { CounterDocSchema, SignalDocSchema, counterDocId, signalDocId, type SignalDoc } from './schemas/signal-doc';

/** Builds the new signal and its messages once its id and reference number are known. */
export type SignalBuilder = (id: string, seq: number) => { signal: Signal; messages: NewOutboxMessage[] };

export type CreateOutcome =
  { status: 'created'; signal: Signal } | { status: 'duplicate'; existing: Versioned<Signal> };
export type UpdateOutcome = 'ok' | 'conflict';

interface PendingCreate {
  submissionId: string;
  build: SignalBuilder;
  now: Date;
  resolve: (outcome: CreateOutcome) => void;
  reject: (err: unknown) => void;
  /** the references earlier tries built for it whose answers were lost (see `isOwnUnseenWrite`) */
  unseen: string[];
}

/** Cosmos DB caps a transactional batch at 100 operations. */
const BATCH_MAX = 100;
/** Creates written together at most (each is a signal and its few messages). */
const GROUP_MAX = 20;

/** The next group from the front of the queue: distinct submission ids (a resubmit waits for the next group). */
function takeGroup(queue: PendingCreate[]): PendingCreate[] {
  const group: PendingCreate[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < queue.length && group.length < GROUP_MAX;) {
    if (ids.has(queue[i].submissionId)) {
      i++;
      continue;
    }
    ids.add(queue[i].submissionId);
    group.push(...queue.splice(i, 1));
  }
  return group;
}

// cast: the schema checks the stored envelope (nested records pass through), so its type is not the domain Signal
const toDoc = (s: Signal, extra: Partial<SignalDoc> = {}): SignalDoc => ({
  ...(s as unknown as SignalDoc),
  type: 'signal',
  ...extra,
});
/** A stored signal document as the domain's Signal (without Cosmos' fields, type and ttl). */
export const signalFromDoc = (d: SignalDoc): Signal => {
  const {
    type: _t,
    ttl: _ttl,
    _rid,
    _self,
    _etag,
    _attachments,
    _ts,
    ...rest
  } = d as SignalDoc & Record<string, unknown>;
  return rest as unknown as Signal; // see toDoc
};

/**
 * The signal found on a retried create is the one an earlier try of this same create wrote, whose
 * answer was lost (a dropped connection after the store wrote it): the reference a try built and
 * the creation time match. A card submitted before (a real duplicate) has another reference,
 * or at least another time. Told apart, the turn answers, and audits, the signal as created.
 */
const isOwnUnseenWrite = (found: Signal, unseen: string[], now: Date) =>
  unseen.includes(found.reference) && found.createdAt === now.toISOString();

/** The stored signal is this decided change: same version, same author, same history (its last step alike). */
const isSameChange = (stored: Signal, decided: Signal) => {
  const [a, b] = [stored.history.at(-1), decided.history.at(-1)];
  return (
    stored.updatedAt === decided.updatedAt &&
    stored.lastChangeBy === decided.lastChangeBy &&
    stored.history.length === decided.history.length &&
    a?.at === b?.at &&
    a?.actorId === b?.actorId &&
    a?.action === b?.action
  );
};

/**
 * Signals in the `cases` container. Every write goes with the outbox messages it causes in one
 * transactional batch, and every update is guarded by the ETag of the version it was decided on.
 */
export class SignalRepository implements SignalPort {
  /** Per-item TTL (seconds) for a closed signal of this school; set at wiring time (src/store/index.ts). */
  closedSignalTtlSeconds?: (schoolId: string) => Promise<number | undefined>;
  /**
   * Creates waiting per school and year, and the keys whose queue is being written: this instance
   * takes reference numbers for one group at a time (group commit, see `create`).
   */
  private readonly waiting = new Map<string, PendingCreate[]>();
  private readonly writing = new Set<string>();
  /**
   * The reference counter as this instance last wrote it, per school and year (with its ETag): the
   * next create in this instance needs no read. Another instance's write makes the ETag fail (412),
   * and the counter is read again.
   */
  private readonly counters = new Map<
    string,
    Versioned<{ id: string; type: 'counter'; schoolId: string; value: number }>
  >();
  constructor(private readonly store: DocStore) {}

  async get(schoolId: string, signalId: string): Promise<Versioned<Signal> | undefined> {
    const v = await this.store.read(SignalDocSchema, signalId, schoolId);
    return v && { doc: signalFromDoc(v.doc), etag: v.etag };
  }

  async findByReference(schoolId: string, reference: string): Promise<Signal | undefined> {
    const rows = await this.store.query(
      SignalDocSchema,
      "SELECT * FROM c WHERE c.type = 'signal' AND c.reference = @r",
      { r: reference },
      schoolId,
    );
    return rows[0] && signalFromDoc(rows[0]);
  }

  /**
   * Creates a signal with the next reference number of its year and its outbox messages, all or
   * nothing. The signal's id derives from the card's submission id, so a second submit of the
   * same card finds the first signal instead of creating another.
   */
  async create(
    schoolId: string,
    submissionId: string,
    year: number,
    build: SignalBuilder,
    now: Date,
  ): Promise<CreateOutcome> {
    const key = `${schoolId}|${year}`;
    return new Promise<CreateOutcome>((resolve, reject) => {
      const queue = this.waiting.get(key) ?? [];
      queue.push({ submissionId, build, now, resolve, reject, unseen: [] });
      this.waiting.set(key, queue);
      if (!this.writing.has(key)) void this.writeWaiting(key, schoolId, year);
    });
  }

  /**
   * Group commit: concurrent submits in one school would otherwise each wait for the previous
   * one's round trip (reference numbers are consecutive). The first create goes alone at once;
   * those that arrive meanwhile are written next, together, in one transactional batch that takes
   * a run of numbers. A batch that fails on one signal (a resubmitted card) falls back to one
   * create at a time for that group, which tells the duplicate apart.
   */
  private async writeWaiting(key: string, schoolId: string, year: number): Promise<void> {
    this.writing.add(key);
    try {
      for (let queue = this.waiting.get(key); queue?.length; queue = this.waiting.get(key)) {
        const group = takeGroup(queue);
        if (queue.length === 0) this.waiting.delete(key);
        if (group.length === 1) {
          const [one] = group;
          await this.createNow(schoolId, one.submissionId, year, one.build, one.now).then(one.resolve, one.reject);
          continue;
        }
        const deferred = await this.createGroup(schoolId, year, group).catch((err: unknown) => {
          for (const g of group) g.reject(err);
          return [] as PendingCreate[];
        });
        if (deferred.length) this.waiting.set(key, [...deferred, ...(this.waiting.get(key) ?? [])]);
      }
    } finally {
      this.writing.delete(key);
    }
  }

  /** Writes `group` in one batch; settles what it wrote or refused, answers what did not fit. */
  private async createGroup(schoolId: string, year: number, group: PendingCreate[]): Promise<PendingCreate[]> {
    const counterId = counterDocId(`signal-${year}`);
    const counterKey = `${schoolId}|${counterId}`;
    for (let attempt = 0; attempt < 8; attempt++) {
      const counter = this.counters.get(counterKey) ?? (await this.store.read(CounterDocSchema, counterId, schoolId));
      let seq = counter?.doc.value ?? 0;
      const built: { item: PendingCreate; signal: Signal; messages: NewOutboxMessage[] }[] = [];
      const refused: { item: PendingCreate; err: unknown }[] = [];
      const deferred: PendingCreate[] = [];
      let opCount = 1; // the counter
      for (const item of group) {
        if (deferred.length) {
          deferred.push(item);
          continue;
        }
        let made: ReturnType<SignalBuilder>;
        try {
          made = item.build(signalDocId(item.submissionId), seq + 1);
        } catch (err) {
          refused.push({ item, err });
          continue;
        }
        if (built.length > 0 && opCount + 1 + made.messages.length > BATCH_MAX) {
          deferred.push(item);
          continue;
        }
        seq++;
        opCount += 1 + made.messages.length;
        built.push({ item, ...made });
      }
      if (built.length === 0) {
        for (const r of refused) r.item.reject(r.err);
        return deferred;
      }
      let messageSeq = 0;
      const ops: BatchOp[] = [
        ...built.map((b) => ({
          operationType: 'Create' as const,
          resourceBody: toDoc(b.signal, { submissionId: b.item.submissionId }),
        })),
        counter
          ? {
              operationType: 'Replace',
              id: counterId,
              resourceBody: { ...counter.doc, value: seq },
              ifMatch: counter.etag,
            }
          : { operationType: 'Create', resourceBody: { id: counterId, type: 'counter', schoolId, value: seq } },
        ...built.flatMap((b) =>
          b.messages.map((m) => ({
            operationType: 'Create' as const,
            resourceBody: outboxDoc(schoolId, m, b.item.now, messageSeq++),
          })),
        ),
      ];
      const res = await this.store.batch(schoolId, ops);
      if (res.ok) {
        const etag = res.etags[built.length];
        if (etag)
          this.counters.set(counterKey, { doc: { id: counterId, type: 'counter', schoolId, value: seq }, etag });
        else this.counters.delete(counterKey);
        for (const b of built) b.item.resolve({ status: 'created', signal: b.signal });
        for (const r of refused) r.item.reject(r.err);
        return deferred;
      }
      this.counters.delete(counterKey);
      if (res.index < 0) for (const b of built) b.item.unseen.push(b.signal.reference);
      if (res.index >= 0 && res.index < built.length) {
        // One of the signals exists: a card submitted before. One at a time tells which.
        for (const item of [...built.map((b) => b.item), ...refused.map((r) => r.item)]) {
          await this.createNow(schoolId, item.submissionId, year, item.build, item.now, item.unseen).then(
            item.resolve,
            item.reject,
          );
        }
        return deferred;
      }
      // 412/409 on the counter (another instance took a number), or no answer: read it again and rebuild.
    }
    throw new Error('Could not allocate signal references after repeated conflicts');
  }

  private async createNow(
    schoolId: string,
    submissionId: string,
    year: number,
    build: SignalBuilder,
    now: Date,
    unseen: string[] = [],
  ): Promise<CreateOutcome> {
    const id = signalDocId(submissionId);
    const counterId = counterDocId(`signal-${year}`);
    const counterKey = `${schoolId}|${counterId}`;
    for (let attempt = 0; attempt < 8; attempt++) {
      // No read of the signal first: the batch creates it, and fails on it (409) when this card was
      // submitted before; only then is the existing signal read (one round trip less per submit,
      // inside the section that runs one at a time per school and year).
      const counter = this.counters.get(counterKey) ?? (await this.store.read(CounterDocSchema, counterId, schoolId));
      const seq = (counter?.doc.value ?? 0) + 1;
      const { signal, messages } = build(id, seq);
      const ops: BatchOp[] = [
        { operationType: 'Create', resourceBody: toDoc(signal, { submissionId }) },
        counter
          ? {
              operationType: 'Replace',
              id: counterId,
              resourceBody: { ...counter.doc, value: seq },
              ifMatch: counter.etag,
            }
          : { operationType: 'Create', resourceBody: { id: counterId, type: 'counter', schoolId, value: seq } },
        ...messages.map((m, i) => ({ operationType: 'Create' as const, resourceBody: outboxDoc(schoolId, m, now, i) })),
      ];
      const res = await this.store.batch(schoolId, ops);
      if (res.ok) {
        const etag = res.etags[1];
        if (etag)
          this.counters.set(counterKey, { doc: { id: counterId, type: 'counter', schoolId, value: seq }, etag });
        else this.counters.delete(counterKey);
        return { status: 'created', signal };
      }
      this.counters.delete(counterKey);
      // No answer (a 503, a dropped connection): the batch may have landed all the same.
      if (res.index < 0) unseen.push(signal.reference);
      // 409 on the signal: this card was submitted before (or a concurrent submit of it won), or
      // this very create landed unseen; 412/409 on the counter: another instance took a number,
      // retry with the counter read again.
      if (res.index === 0) {
        const won = await this.get(schoolId, id);
        if (won && isOwnUnseenWrite(won.doc, unseen, now)) return { status: 'created', signal: won.doc };
        if (won) return { status: 'duplicate', existing: won };
      }
    }
    throw new Error('Could not allocate a signal reference after repeated conflicts');
  }

  /** Writes the decided signal and its messages if nobody changed it since `etag`. */
  async update(signal: Signal, etag: string, messages: NewOutboxMessage[], now: Date): Promise<UpdateOutcome> {
    const ttl = signal.state === 'closed' ? await this.closedSignalTtlSeconds?.(signal.schoolId) : undefined;
    const ops: BatchOp[] = [
      { operationType: 'Replace', id: signal.id, resourceBody: toDoc(signal, ttl ? { ttl } : {}), ifMatch: etag },
      ...messages.map((m, i) => ({
        operationType: 'Create' as const,
        resourceBody: outboxDoc(signal.schoolId, m, now, i),
      })),
    ];
    for (let i = 0; i < ops.length; i += 100) {
      if (i > 0) throw new Error('Too many messages for one transactional batch');
    }
    for (let attempt = 1; ; attempt++) {
      const res = await this.store.batch(signal.schoolId, ops);
      if (res.ok) return 'ok';
      const unanswered = res.index < 0 && (res.status >= 500 || res.status === 408);
      const afterUnanswered = attempt > 1 && res.index === 0 && res.status === 412;
      if (!unanswered && !afterUnanswered) {
        if (res.index <= 0 && (res.status === 412 || res.status === 404)) return 'conflict';
        if (res.status === 409) return 'ok'; // the same decision's messages were written by an earlier attempt
        throw new Error(`Signal update failed with status ${res.status}`);
      }
      // No answer (a 503, a dropped connection: the SDK does not retry a write), or a 412 after
      // one: the write may have landed unseen. Ours is there: done (answered and audited once);
      // someone else's: decide again; nothing changed: write again.
      const stored = await againAfterStoreFault(() => this.get(signal.schoolId, signal.id)).catch(() => undefined);
      if (stored && isSameChange(stored.doc, signal)) return 'ok';
      if (afterUnanswered || (stored && stored.etag !== etag)) return 'conflict';
      if (attempt >= 3) throw new Error(`Signal update failed with status ${res.status}`);
      await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
    }
  }

  async listByReporter(schoolId: string, reporterId: string): Promise<Signal[]> {
    const rows = await this.store.query(
      SignalDocSchema,
      "SELECT * FROM c WHERE c.type = 'signal' AND c.reporterId = @u ORDER BY c.createdAt DESC",
      { u: reporterId },
      schoolId,
    );
    return rows.map(signalFromDoc);
  }

  /** Open signals of a school: the working set; never the closed history. */
  async listOpen(schoolId: string): Promise<Signal[]> {
    const rows = await this.store.query(
      SignalDocSchema,
      "SELECT * FROM c WHERE c.type = 'signal' AND c.state != 'closed' ORDER BY c.createdAt ASC",
      {},
      schoolId,
    );
    return rows.map(signalFromDoc);
  }

  async listByPupils(schoolId: string, pupilIds: readonly string[]): Promise<Signal[]> {
    if (pupilIds.length === 0) return [];
    const rows = await this.store.query(
      SignalDocSchema,
      "SELECT * FROM c WHERE c.type = 'signal' AND ARRAY_CONTAINS(@ids, c.pupilId) ORDER BY c.createdAt DESC",
      { ids: [...pupilIds] },
      schoolId,
    );
    return rows.map(signalFromDoc);
  }

  async listByPupil(schoolId: string, pupilId: string): Promise<Signal[]> {
    const rows = await this.store.query(
      SignalDocSchema,
      "SELECT * FROM c WHERE c.type = 'signal' AND c.pupilId = @p ORDER BY c.createdAt DESC",
      { p: pupilId },
      schoolId,
    );
    return rows.map(signalFromDoc);
  }
}
