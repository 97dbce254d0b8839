import { randomUUID } from 'node:crypto';
import { DocStore } from './doc-store';
import { AuditDocSchema, type AuditDoc, type AuditEntry } from './schemas/audit-doc';

/** Append-only audit log: this class offers no update and no delete of single entries. */
export class AuditRepository {
  constructor(private readonly store: DocStore, private readonly now: () => Date) {}

  async record(entry: AuditEntry): Promise<void> {
    const at = entry.at ?? this.now().toISOString();
    const doc: AuditDoc = { ...entry, id: `audit:${at}:${randomUUID()}`, type: 'audit', at };
    await this.store.create(doc);
  }

  forPupil(schoolId: string, pupilId: string): Promise<AuditDoc[]> {
    return this.store.query(AuditDocSchema, "SELECT * FROM c WHERE c.type = 'audit' AND c.pupilId = @p ORDER BY c.at ASC", { p: pupilId }, schoolId);
  }

  forSchool(schoolId: string, action?: string): Promise<AuditDoc[]> {
    return action
      ? this.store.query(AuditDocSchema, "SELECT * FROM c WHERE c.type = 'audit' AND c.action = @a ORDER BY c.at ASC", { a: action }, schoolId)
      : this.store.query(AuditDocSchema, "SELECT * FROM c WHERE c.type = 'audit' ORDER BY c.at ASC", {}, schoolId);
  }
}
