import type { Versioned } from '../app/core/ports';
import type { PupilScore, RoundPageRecord, RoundPort, RoundRecord, ScoreRecord } from '../app/rounds/round-ports';
import { DocStore, type BatchOp } from './doc-store';
import { SchoolKeyedCache } from './school-keyed-cache';
import { outboxDoc, type NewOutboxMessage } from './schemas/outbox-doc';
import {
  RoundDocSchema,
  RoundPageDocSchema,
  ScoreDocSchema,
  roundDocId,
  roundPageDocId,
  scoreDocId,
  type RoundDoc,
  type RoundPageDoc,
  type ScoreDoc,
} from './schemas/round-docs';

const MAX_BATCH = 100;

const strip = <T extends object>(d: T): T => {
  const { _rid, _self, _etag, _attachments, _ts, ...rest } = d as T & Record<string, unknown>;
  void _rid;
  void _self;
  void _etag;
  void _attachments;
  void _ts;
  return rest as T;
};
const toRound = (d: RoundDoc): RoundRecord => {
  const { id: _id, type: _type, ...rest } = strip(d);
  return rest;
};
const toPage = (d: RoundPageDoc): RoundPageRecord => {
  const { id: _id, type: _type, ...rest } = strip(d);
  return rest;
};
const roundDoc = (r: RoundRecord): RoundDoc => ({ id: roundDocId(r.roundId), type: 'round', ...r });
const noteless = (s: PupilScore): PupilScore => (s.note ? s : { pupilId: s.pupilId, level: s.level });

/**
 * Rounds, saved pages and per-pupil scores of the 1-2-3 round (S7), in the `cases` container.
 * A round is written with its outbox messages in one transactional batch; a page with its
 * score docs in one batch, guarded by the page's ETag.
 */
export class RoundRepository implements RoundPort {
  /** For display only (a pupil's trend on a signal card): the latest round and a pupil's recent scores. */
  private readonly latestRounds: SchoolKeyedCache<RoundRecord | undefined>;
  private readonly recentScores: SchoolKeyedCache<ScoreRecord[]>;
  constructor(
    private readonly store: DocStore,
    displayCacheMs = 10_000,
    nowMs: () => number = Date.now,
  ) {
    this.latestRounds = new SchoolKeyedCache(displayCacheMs, nowMs);
    this.recentScores = new SchoolKeyedCache(displayCacheMs, nowMs);
  }

  /**
   * The school's latest round and the pupil's scores of the given rounds, as a signal card shows
   * them: kept for `displayCacheMs` (a claim's card asks for the pupil's trend; the next signal of
   * the same pupil is often handled moments later). Rounds and pages written through this process
   * clear the school at once; another instance's writes are seen within `displayCacheMs`.
   */
  latestRoundForDisplay(schoolId: string): Promise<RoundRecord | undefined> {
    return this.latestRounds.get(schoolId, '', async () => (await this.listRounds(schoolId, 1))[0]);
  }

  scoresOfPupilForDisplay(schoolId: string, roundIds: string[], pupilId: string): Promise<ScoreRecord[]> {
    return this.recentScores.get(schoolId, `${pupilId}|${roundIds.join(',')}`, () =>
      this.scoresOf(schoolId, roundIds, [pupilId]),
    );
  }

  private forgetForDisplay(schoolId: string): void {
    this.latestRounds.clear(schoolId);
    this.recentScores.clear(schoolId);
  }

  async getRound(schoolId: string, roundId: string): Promise<Versioned<RoundRecord> | undefined> {
    const v = await this.store.read(RoundDocSchema, roundDocId(roundId), schoolId);
    return v && { doc: toRound(v.doc), etag: v.etag };
  }

  async listRounds(schoolId: string, limit: number): Promise<RoundRecord[]> {
    const n = Math.max(1, Math.min(50, Math.floor(limit)));
    const rows = await this.store.query(
      RoundDocSchema,
      `SELECT TOP ${n} * FROM c WHERE c.type = 'round' ORDER BY c.roundId DESC`,
      {},
      schoolId,
    );
    return rows.map(toRound);
  }

  /**
   * The round doc and the first 99 messages in one batch; further messages in more batches.
   * Their keys are deterministic, so a crash part-way is completed by the next attempt (the
   * caller's once-marker is only set after this returns) and a repeat writes nothing twice.
   */
  async openRound(round: RoundRecord, messages: NewOutboxMessage[], now: Date): Promise<'created' | 'exists'> {
    const first = messages.slice(0, MAX_BATCH - 1);
    const res = await this.store.batch(round.schoolId, [
      { operationType: 'Create', resourceBody: roundDoc(round) },
      ...first.map((m, i) => ({
        operationType: 'Create' as const,
        resourceBody: outboxDoc(round.schoolId, m, now, i),
      })),
    ]);
    this.forgetForDisplay(round.schoolId);
    if (!res.ok && res.index === 0 && res.status === 409) {
      await this.enqueueRest(round.schoolId, messages, now, 0);
      return 'exists';
    }
    if (!res.ok && res.status !== 409) throw new Error(`Round open failed with status ${res.status}`);
    if (!res.ok) {
      // a message of an earlier, interrupted attempt is already there: write doc and messages one by one
      await this.store.create(roundDoc(round));
      await this.enqueueRest(round.schoolId, messages, now, 0);
      return 'created';
    }
    await this.enqueueRest(round.schoolId, messages, now, first.length);
    return 'created';
  }

  private async enqueueRest(schoolId: string, messages: NewOutboxMessage[], now: Date, from: number): Promise<void> {
    for (let i = from; i < messages.length; i += MAX_BATCH) {
      const chunk = messages.slice(i, i + MAX_BATCH);
      const res = await this.store.batch(
        schoolId,
        chunk.map((m, j) => ({ operationType: 'Create' as const, resourceBody: outboxDoc(schoolId, m, now, i + j) })),
      );
      if (!res.ok && res.status !== 409) throw new Error(`Round messages failed with status ${res.status}`);
      if (!res.ok) for (const [j, m] of chunk.entries()) await this.store.create(outboxDoc(schoolId, m, now, i + j));
    }
  }

  async updateRound(
    round: RoundRecord,
    etag: string,
    messages: NewOutboxMessage[],
    now: Date,
  ): Promise<'ok' | 'conflict'> {
    if (messages.length > MAX_BATCH - 1) throw new Error('Too many messages for one round update');
    const ops: BatchOp[] = [
      { operationType: 'Replace', id: roundDocId(round.roundId), resourceBody: roundDoc(round), ifMatch: etag },
      ...messages.map((m, i) => ({
        operationType: 'Create' as const,
        resourceBody: outboxDoc(round.schoolId, m, now, i),
      })),
    ];
    const res = await this.store.batch(round.schoolId, ops);
    if (res.ok) return 'ok';
    if (res.index <= 0 && (res.status === 412 || res.status === 404)) return 'conflict';
    if (res.status === 409) return 'ok';
    throw new Error(`Round update failed with status ${res.status}`);
  }

  async getPage(
    schoolId: string,
    roundId: string,
    classId: string,
    page: number,
  ): Promise<Versioned<RoundPageRecord> | undefined> {
    const v = await this.store.read(RoundPageDocSchema, roundPageDocId(roundId, classId, page), schoolId);
    return v && { doc: toPage(v.doc), etag: v.etag };
  }

  async listPages(schoolId: string, roundId: string): Promise<RoundPageRecord[]> {
    const rows = await this.store.query(
      RoundPageDocSchema,
      "SELECT * FROM c WHERE c.type = 'roundPage' AND c.roundId = @r",
      { r: roundId },
      schoolId,
    );
    return rows.map(toPage);
  }

  async savePage(page: RoundPageRecord, etag: string | undefined): Promise<'ok' | 'conflict'> {
    if (page.scores.length > MAX_BATCH - 1) throw new Error('A round page holds at most 99 pupils');
    const doc: RoundPageDoc = {
      id: roundPageDocId(page.roundId, page.classId, page.page),
      type: 'roundPage',
      ...page,
      scores: page.scores.map(noteless),
    };
    const scores: ScoreDoc[] = page.scores.map((s) => ({
      id: scoreDocId(page.roundId, s.pupilId),
      type: 'score',
      schoolId: page.schoolId,
      roundId: page.roundId,
      pupilId: s.pupilId,
      classId: page.classId,
      level: s.level,
      savedAt: page.savedAt,
    }));
    const ops: BatchOp[] = [
      etag
        ? { operationType: 'Replace', id: doc.id, resourceBody: doc, ifMatch: etag }
        : { operationType: 'Create', resourceBody: doc },
      ...scores.map((s) => ({ operationType: 'Upsert' as const, resourceBody: s })),
    ];
    const res = await this.store.batch(page.schoolId, ops);
    this.forgetForDisplay(page.schoolId);
    if (res.ok) return 'ok';
    if (res.index <= 0 && [409, 412, 404].includes(res.status)) return 'conflict';
    throw new Error(`Round page save failed with status ${res.status}`);
  }

  async scoresOf(schoolId: string, roundIds: string[], pupilIds?: string[]): Promise<ScoreRecord[]> {
    if (roundIds.length === 0 || pupilIds?.length === 0) return [];
    const params: Record<string, unknown> = {};
    const rIn = roundIds.map((r, i) => ((params[`r${i}`] = r), `@r${i}`)).join(', ');
    let where = `c.type = 'score' AND c.roundId IN (${rIn})`;
    if (pupilIds)
      where += ` AND c.pupilId IN (${pupilIds.map((p, i) => ((params[`p${i}`] = p), `@p${i}`)).join(', ')})`;
    const rows = await this.store.query(ScoreDocSchema, `SELECT * FROM c WHERE ${where}`, params, schoolId);
    return rows.map((d) => {
      const { id: _id, type: _type, ...rest } = strip(d);
      return rest;
    });
  }
}
