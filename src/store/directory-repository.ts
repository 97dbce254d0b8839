import { DocStore, type Versioned } from './doc-store';
import {
  ConversationDocSchema,
  PupilDocSchema,
  SchoolDocSchema,
  StaffDocSchema,
  conversationDocId,
  type ConversationDoc,
  type PupilDoc,
  type SchoolDoc,
  type StaffDoc,
  type StoredConversationReference,
} from './schemas/directory-docs';

/**
 * Schools, staff, pupils and personal conversation references (the `directory` container).
 * Pupil lists are cached per school for a short time: type-ahead search asks on every keystroke.
 */
export class DirectoryRepository {
  private pupilCache = new Map<string, { at: number; pupils: PupilDoc[] }>();
  constructor(private readonly store: DocStore, private readonly pupilCacheMs = 10_000, private readonly nowMs: () => number = Date.now) {}

  getSchool(schoolId: string): Promise<Versioned<SchoolDoc> | undefined> {
    return this.store.read(SchoolDocSchema, 'school', schoolId);
  }

  async listSchools(): Promise<SchoolDoc[]> {
    return this.store.query(SchoolDocSchema, "SELECT * FROM c WHERE c.type = 'school'");
  }

  async saveSchool(doc: SchoolDoc, etag?: string): Promise<'ok' | 'conflict'> {
    if (!etag) {
      await this.store.upsert(doc);
      return 'ok';
    }
    return (await this.store.replace(doc, etag)) === 'ok' ? 'ok' : 'conflict';
  }

  /** Every school this Entra user is staff of (a cross-partition query on an indexed field). */
  findStaffByUser(userId: string): Promise<StaffDoc[]> {
    return this.store.query(StaffDocSchema, "SELECT * FROM c WHERE c.type = 'staff' AND c.userId = @u", { u: userId });
  }

  listStaff(schoolId: string): Promise<StaffDoc[]> {
    return this.store.query(StaffDocSchema, "SELECT * FROM c WHERE c.type = 'staff'", {}, schoolId);
  }

  async upsertStaff(doc: StaffDoc): Promise<void> {
    await this.store.upsert(doc);
  }

  async upsertPupil(doc: PupilDoc): Promise<void> {
    await this.store.upsert(doc);
    this.pupilCache.delete(doc.schoolId);
  }

  async getPupil(schoolId: string, id: string): Promise<PupilDoc | undefined> {
    return (await this.store.read(PupilDocSchema, id, schoolId))?.doc;
  }

  async listPupils(schoolId: string): Promise<PupilDoc[]> {
    const hit = this.pupilCache.get(schoolId);
    if (hit && this.nowMs() - hit.at < this.pupilCacheMs) return hit.pupils;
    const pupils = await this.store.query(PupilDocSchema, "SELECT * FROM c WHERE c.type = 'pupil'", {}, schoolId);
    this.pupilCache.set(schoolId, { at: this.nowMs(), pupils });
    return pupils;
  }

  invalidatePupils(schoolId: string): void {
    this.pupilCache.delete(schoolId);
  }

  async saveConversation(schoolId: string, userId: string, reference: StoredConversationReference, now: Date): Promise<void> {
    const doc: ConversationDoc = { id: conversationDocId(userId), type: 'conversation', schoolId, userId, reference, updatedAt: now.toISOString() };
    await this.store.upsert(doc);
  }

  async getConversation(schoolId: string, userId: string): Promise<ConversationDoc | undefined> {
    return (await this.store.read(ConversationDocSchema, conversationDocId(userId), schoolId))?.doc;
  }
}
