import type { Signal } from '../domain/signal';
import { DocStore, type BatchOp, type Versioned } from './doc-store';
import { outboxDoc, type NewOutboxMessage } from './schemas/outbox-doc';
import { CounterDocSchema, SignalDocSchema, counterDocId, signalDocId, type SignalDoc } from './schemas/signal-doc';

/** Builds the new signal and its messages once its id and reference number are known. */
export type SignalBuilder = (id: string, seq: number) => { signal: Signal; messages: NewOutboxMessage[] };

export type CreateOutcome = { status: 'created'; signal: Signal } | { status: 'duplicate'; existing: Versioned<Signal> };
export type UpdateOutcome = 'ok' | 'conflict';

const toDoc = (s: Signal, extra: Partial<SignalDoc> = {}): SignalDoc => ({ ...(s as unknown as SignalDoc), type: 'signal', ...extra });
const fromDoc = (d: SignalDoc): Signal => {
  const { type: _t, ttl: _ttl, _rid, _self, _etag, _attachments, _ts, ...rest } = d as SignalDoc & Record<string, unknown>;
  return rest as unknown as Signal;
};

/**
 * Signals in the `cases` container. Every write goes with the outbox messages it causes in one
 * transactional batch, and every update is guarded by the ETag of the version it was decided on.
 */
export class SignalRepository {
  /** Per-item TTL (seconds) for a closed signal of this school; set at wiring time (src/store/index.ts). */
  closedSignalTtlSeconds?: (schoolId: string) => Promise<number | undefined>;
  /** Creates in flight per school and year: this instance takes reference numbers one at a time. */
  private readonly allocating = new Map<string, Promise<unknown>>();
  /**
   * The reference counter as this instance last wrote it, per school and year (with its ETag): the
   * next create in this instance needs no read. Another instance's write makes the ETag fail (412),
   * and the counter is read again.
   */
  private readonly counters = new Map<string, Versioned<{ id: string; type: 'counter'; schoolId: string; value: number }>>();
  constructor(private readonly store: DocStore) {}

  /**
   * Runs `work` after the previous allocation for `key` in this instance. Concurrent submits in
   * one school would otherwise all read the same counter and all but one retry on its ETag; the
   * ETag still guards against other instances.
   */
  private oneAtATime<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.allocating.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.then(() => undefined, () => undefined);
    this.allocating.set(key, tail);
    void tail.then(() => this.allocating.get(key) === tail && this.allocating.delete(key));
    return result;
  }

  async get(schoolId: string, signalId: string): Promise<Versioned<Signal> | undefined> {
    const v = await this.store.read(SignalDocSchema, signalId, schoolId);
    return v && { doc: fromDoc(v.doc), etag: v.etag };
  }

  async findByReference(schoolId: string, reference: string): Promise<Signal | undefined> {
    const rows = await this.store.query(SignalDocSchema, "SELECT * FROM c WHERE c.type = 'signal' AND c.reference = @r", { r: reference }, schoolId);
    return rows[0] && fromDoc(rows[0]);
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
    return this.oneAtATime(`${schoolId}|${year}`, () => this.createNow(schoolId, submissionId, year, build, now));
  }

  private async createNow(
    schoolId: string,
    submissionId: string,
    year: number,
    build: SignalBuilder,
    now: Date,
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
          ? { operationType: 'Replace', id: counterId, resourceBody: { ...counter.doc, value: seq }, ifMatch: counter.etag }
          : { operationType: 'Create', resourceBody: { id: counterId, type: 'counter', schoolId, value: seq } },
        ...messages.map((m, i) => ({ operationType: 'Create' as const, resourceBody: outboxDoc(schoolId, m, now, i) })),
      ];
      const res = await this.store.batch(schoolId, ops);
      if (res.ok) {
        const etag = res.etags[1];
        if (etag) this.counters.set(counterKey, { doc: { id: counterId, type: 'counter', schoolId, value: seq }, etag });
        else this.counters.delete(counterKey);
        return { status: 'created', signal };
      }
      this.counters.delete(counterKey);
      // 409 on the signal: this card was submitted before (or a concurrent submit of it won);
      // 412/409 on the counter: another instance took a number, retry with the counter read again.
      if (res.index === 0) {
        const won = await this.get(schoolId, id);
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
      ...messages.map((m, i) => ({ operationType: 'Create' as const, resourceBody: outboxDoc(signal.schoolId, m, now, i) })),
    ];
    for (let i = 0; i < ops.length; i += 100) {
      if (i > 0) throw new Error('Too many messages for one transactional batch');
    }
    const res = await this.store.batch(signal.schoolId, ops);
    if (res.ok) return 'ok';
    if (res.index <= 0 && (res.status === 412 || res.status === 404)) return 'conflict';
    if (res.status === 409) return 'ok'; // the same decision's messages were written by an earlier attempt
    throw new Error(`Signal update failed with status ${res.status}`);
  }

  async listByReporter(schoolId: string, reporterId: string): Promise<Signal[]> {
    const rows = await this.store.query(SignalDocSchema, "SELECT * FROM c WHERE c.type = 'signal' AND c.reporterId = @u ORDER BY c.createdAt DESC", { u: reporterId }, schoolId);
    return rows.map(fromDoc);
  }

  /** Open signals of a school: the working set; never the closed history. */
  async listOpen(schoolId: string): Promise<Signal[]> {
    const rows = await this.store.query(SignalDocSchema, "SELECT * FROM c WHERE c.type = 'signal' AND c.state != 'closed' ORDER BY c.createdAt ASC", {}, schoolId);
    return rows.map(fromDoc);
  }

  async listByPupil(schoolId: string, pupilId: string): Promise<Signal[]> {
    const rows = await this.store.query(SignalDocSchema, "SELECT * FROM c WHERE c.type = 'signal' AND c.pupilId = @p ORDER BY c.createdAt DESC", { p: pupilId }, schoolId);
    return rows.map(fromDoc);
  }
}
