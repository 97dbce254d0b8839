import { randomUUID } from 'node:crypto';
import type { AuditEntry, AuditPort } from '../app/core/ports';
import type { SettingsAuditPort } from '../app/school/school-ports';
import { DocStore } from './doc-store';
import { againAfterStoreFault } from './store-fault-retry';
import { AuditDocSchema, type AuditDoc } from './schemas/audit-doc';

/** An entry as a use case writes it, with what some add (a settings change, a handover's reason); `at` defaults to now. */
type AuditWrite = AuditEntry & Partial<Pick<AuditDoc, 'at' | 'changes' | 'reason' | 'ttl'>>;

interface Queued {
  doc: AuditDoc;
  done: (err?: Error) => void;
}

/** Cosmos DB caps a transactional batch at 100 operations. */
const BATCH_MAX = 100;

/**
 * Append-only audit log: this class offers no update and no delete of single entries.
 *
 * Entries are written before the turn that records them answers. Concurrent entries of one school
 * share a write (group commit): the first goes at once; those recorded while it is under way go
 * together in one transactional batch next. Under load (a class searching at once) that is one
 * store request for many entries instead of one each; alone, an entry costs what it did.
 */
export class AuditRepository implements AuditPort, SettingsAuditPort {
  private readonly queued = new Map<string, Queued[]>();
  private readonly writing = new Set<string>();
  constructor(
    private readonly store: DocStore,
    private readonly now: () => Date,
  ) {}

  record(entry: AuditWrite): Promise<void> {
    const at = entry.at ?? this.now().toISOString();
    const doc: AuditDoc = { ...entry, id: `audit:${at}:${randomUUID()}`, type: 'audit', at };
    return new Promise<void>((resolve, reject) => {
      const list = this.queued.get(doc.schoolId) ?? [];
      list.push({ doc, done: (err) => (err === undefined ? resolve() : reject(err)) });
      this.queued.set(doc.schoolId, list);
      if (!this.writing.has(doc.schoolId)) void this.writeQueued(doc.schoolId);
    });
  }

  async recordOnce(entry: AuditWrite & { signalId: string }): Promise<void> {
    const [existing] = await this.store.queryValues<number>(
      "SELECT VALUE COUNT(1) FROM c WHERE c.type = 'audit' AND c.signalId = @s AND c.action = @a AND c.outcome = @o",
      { s: entry.signalId, a: entry.action, o: entry.outcome },
      entry.schoolId,
    );
    if (existing) return;
    const at = entry.at ?? this.now().toISOString();
    // one id per action, signal and outcome: a second try at once, or a try that landed unseen, is a 409
    const doc: AuditDoc = {
      ...entry,
      id: `audit:once:${entry.action}:${entry.signalId}:${entry.outcome}`,
      type: 'audit',
      at,
    };
    // created, or a conflict: the entry is there either way
    await againAfterStoreFault(() => this.store.create(doc));
  }

  private async writeQueued(schoolId: string): Promise<void> {
    this.writing.add(schoolId);
    try {
      for (let list = this.queued.get(schoolId); list?.length; list = this.queued.get(schoolId)) {
        const group = list.splice(0, BATCH_MAX);
        if (list.length === 0) this.queued.delete(schoolId);
        try {
          // Again after a store fault: a turn that changed something and then failed on its entry
          // answered 5xx, and Teams' retry found the change made and recorded nothing. Entry ids
          // are unique, so a 409 on a later try means an earlier one landed unseen.
          await againAfterStoreFault(async (attempt) => {
            if (group.length === 1) return void (await this.store.create(group[0].doc));
            const res = await this.store.batch(
              schoolId,
              group.map((q) => ({ operationType: 'Create' as const, resourceBody: q.doc })),
            );
            if (!res.ok && !(attempt > 1 && res.status === 409))
              throw new Error(`Audit batch failed with status ${res.status}`);
          });
          for (const q of group) q.done();
        } catch (err) {
          for (const q of group) q.done(err instanceof Error ? err : new Error('audit write failed'));
        }
      }
    } finally {
      this.writing.delete(schoolId);
    }
  }

  forPupil(schoolId: string, pupilId: string): Promise<AuditDoc[]> {
    return this.store.query(
      AuditDocSchema,
      "SELECT * FROM c WHERE c.type = 'audit' AND c.pupilId = @p ORDER BY c.at ASC",
      { p: pupilId },
      schoolId,
    );
  }

  forSchool(schoolId: string, action?: string): Promise<AuditDoc[]> {
    return action
      ? this.store.query(
          AuditDocSchema,
          "SELECT * FROM c WHERE c.type = 'audit' AND c.action = @a ORDER BY c.at ASC",
          { a: action },
          schoolId,
        )
      : this.store.query(AuditDocSchema, "SELECT * FROM c WHERE c.type = 'audit' ORDER BY c.at ASC", {}, schoolId);
  }
}
