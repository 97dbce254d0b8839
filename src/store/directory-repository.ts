import type { z } from 'zod';
import type { ConversationPort, DirectoryPort, StoredReference, Versioned } from '../app/core/ports';
import type { StaffLeavePort } from '../app/handover/handover-ports';
import type { DirectoryRosterAccess } from '../app/roster/directory-roster-port';
import type { SchoolSettingsPort } from '../app/school/school-ports';
import { DocStore } from './doc-store';
import { SchoolKeyedCache } from './school-keyed-cache';
import {
  ConversationDocSchema,
  PupilDocSchema,
  SchoolDocSchema,
  StaffDocSchema,
  conversationDocId,
  staffDocId,
  type ConversationDoc,
  type PupilDoc,
  type SchoolDoc,
  type StaffDoc,
} from './schemas/directory-docs';

interface PupilCacheEntry {
  /** when the list was read (while it is read: when the query started) */
  at: number;
  pupils: Promise<PupilDoc[]>;
  settled: boolean;
  refreshing: boolean;
}

/**
 * Schools, staff, pupils and personal conversation references (the `directory` container).
 * Pupil lists are cached per school for a short time: type-ahead search asks on every keystroke.
 * Staff lookups (who is this user, who works at this school) are cached for a few seconds too:
 * every turn asks them, often several times. Writes through this repository clear the cache; a
 * roster import elsewhere is seen within `staffCacheMs`. Concurrent misses share one query.
 */
export class DirectoryRepository
  implements DirectoryPort, ConversationPort, SchoolSettingsPort, DirectoryRosterAccess, StaffLeavePort
{
  private pupilCache = new Map<string, PupilCacheEntry>();
  private staffCache = new Map<string, { at: number; staff: Promise<StaffDoc[]> }>();
  private schoolCache = new Map<string, { at: number; school: Promise<SchoolDoc | undefined> }>();
  private tenantCache = new Map<string, { at: number; tenantId: string | undefined }>();
  private readonly tenantCacheMs = 10 * 60_000;
  private pupilIndexes = new WeakMap<PupilDoc[], Map<string, PupilDoc>>();
  private lastSweep = 0;
  /** Pupils read one at a time (a claim's card, its mentor), kept as long as a pupil list. */
  private readonly pupilReads: SchoolKeyedCache<PupilDoc | undefined>;
  constructor(
    private readonly store: DocStore,
    private readonly pupilCacheMs = 10_000,
    private readonly nowMs: () => number = Date.now,
    private readonly staffCacheMs = 5_000,
  ) {
    this.pupilReads = new SchoolKeyedCache(pupilCacheMs, nowMs);
  }

  /**
   * Drops cache entries that can no longer be answered (a pupil list older than three times its
   * cache time is read again anyway; staff and school entries past their time likewise), at most
   * once per cache time. Without it a process serving a region would keep every school's pupils
   * it ever listed — 100 schools of 1,000 pupils is ~100k documents and their search indexes —
   * under the container's heap limit.
   */
  private sweep(): void {
    const now = this.nowMs();
    if (now - this.lastSweep < this.pupilCacheMs) return;
    this.lastSweep = now;
    for (const [k, e] of this.pupilCache)
      if (e.settled && !e.refreshing && now - e.at >= 3 * this.pupilCacheMs) this.pupilCache.delete(k);
    for (const [k, e] of this.staffCache) if (now - e.at >= this.staffCacheMs) this.staffCache.delete(k);
    for (const [k, e] of this.schoolCache) if (now - e.at >= this.staffCacheMs) this.schoolCache.delete(k);
  }

  /** How many entries each cache holds (diagnostics and tests). */
  cacheSizes(): { pupilLists: number; staff: number; schools: number } {
    return { pupilLists: this.pupilCache.size, staff: this.staffCache.size, schools: this.schoolCache.size };
  }

  private cachedStaff(key: string, load: () => Promise<StaffDoc[]>): Promise<StaffDoc[]> {
    this.sweep();
    const hit = this.staffCache.get(key);
    let staff = hit && this.nowMs() - hit.at < this.staffCacheMs ? hit.staff : undefined;
    if (!staff) {
      staff = load();
      const entry = { at: this.nowMs(), staff };
      this.staffCache.set(key, entry);
      staff.catch(() => this.staffCache.get(key) === entry && this.staffCache.delete(key));
    }
    // Copies: a caller changing what it got must not change what the next caller gets.
    return staff.then((list) => list.map((s) => ({ ...s, roles: [...s.roles], classIds: [...s.classIds] })));
  }

  getSchool(schoolId: string): Promise<Versioned<SchoolDoc> | undefined> {
    return this.store.read(SchoolDocSchema, 'school', schoolId);
  }

  /**
   * The school as read at most `staffCacheMs` ago (every signal reads its settings). Writes through
   * this repository clear it; a change made elsewhere is seen within that time.
   */
  schoolSettings(schoolId: string): Promise<SchoolDoc | undefined> {
    const hit = this.schoolCache.get(schoolId);
    if (hit && this.nowMs() - hit.at < this.staffCacheMs) return hit.school;
    const entry = { at: this.nowMs(), school: this.getSchool(schoolId).then((v) => v?.doc) };
    this.schoolCache.set(schoolId, entry);
    entry.school.catch(() => this.schoolCache.get(schoolId) === entry && this.schoolCache.delete(schoolId));
    return entry.school;
  }

  /**
   * The Entra tenant a school belongs to, for the per-turn tenant check (issue 19): from the
   * settings cache when fresh, else remembered for `tenantCacheMs` (a school does not move to
   * another tenant; a change made elsewhere is seen within that time).
   */
  async schoolTenant(schoolId: string): Promise<string | undefined> {
    const hit = this.tenantCache.get(schoolId);
    if (hit && this.nowMs() - hit.at < this.tenantCacheMs) return hit.tenantId;
    const tenantId = (await this.schoolSettings(schoolId))?.tenantId;
    if (this.tenantCache.size > 10_000) this.tenantCache.clear();
    this.tenantCache.set(schoolId, { at: this.nowMs(), tenantId });
    return tenantId;
  }

  /** Staff changed elsewhere in this process (a binding): the next lookup reads the store. */
  invalidateStaff(): void {
    this.staffCache.clear();
  }

  async listSchools(): Promise<SchoolDoc[]> {
    return this.store.query(SchoolDocSchema, "SELECT * FROM c WHERE c.type = 'school'");
  }

  async saveSchool(doc: SchoolDoc, etag?: string): Promise<'ok' | 'conflict'> {
    try {
      if (!etag) {
        await this.store.upsert(doc);
        return 'ok';
      }
      return (await this.store.replace(doc, etag)) === 'ok' ? 'ok' : 'conflict';
    } finally {
      this.tenantCache.delete(doc.schoolId);
      this.schoolCache.delete(doc.schoolId); // after the write: a read under way meanwhile must not keep the old one
    }
  }

  /** Creates a school that does not exist yet (school setup); 'conflict' when it does. */
  async createSchool(fields: Omit<z.input<typeof SchoolDocSchema>, 'id' | 'type'>): Promise<'ok' | 'conflict'> {
    try {
      return (await this.store.create(SchoolDocSchema.parse({ ...fields, id: 'school', type: 'school' }))) === 'ok'
        ? 'ok'
        : 'conflict';
    } finally {
      this.tenantCache.delete(fields.schoolId);
      this.schoolCache.delete(fields.schoolId);
    }
  }

  /** Every school this Entra user is staff of (a cross-partition query on an indexed field). */
  findStaffByUser(userId: string): Promise<StaffDoc[]> {
    return this.cachedStaff(`user|${userId}`, () =>
      this.store.query(StaffDocSchema, "SELECT * FROM c WHERE c.type = 'staff' AND c.userId = @u", { u: userId }),
    );
  }

  listStaff(schoolId: string): Promise<StaffDoc[]> {
    return this.cachedStaff(`school|${schoolId}`, () =>
      this.store.query(StaffDocSchema, "SELECT * FROM c WHERE c.type = 'staff'", {}, schoolId),
    );
  }

  async upsertStaff(doc: StaffDoc): Promise<void> {
    await this.store.upsert(doc);
    this.staffCache.clear();
  }

  /** One staff record with its ETag, read from the store (not the cache): for an ETag-guarded write. */
  getStaff(schoolId: string, userId: string): Promise<Versioned<StaffDoc> | undefined> {
    return this.store.read(StaffDocSchema, staffDocId(userId), schoolId);
  }

  /** ETag-guarded write of a staff record read with getStaff (e.g. her absence, issue 16). */
  async replaceStaff(doc: StaffDoc, etag: string): Promise<'ok' | 'conflict'> {
    try {
      return (await this.store.replace(StaffDocSchema.parse(doc), etag)) === 'ok' ? 'ok' : 'conflict';
    } finally {
      this.staffCache.clear(); // after the write: a read under way meanwhile must not keep the old one
    }
  }

  async upsertPupil(doc: PupilDoc): Promise<void> {
    await this.store.upsert(doc);
    this.pupilCache.delete(doc.schoolId);
    this.pupilReads.clear(doc.schoolId);
  }

  /**
   * One pupil: from the school's list when this process read it less than `pupilCacheMs` ago
   * (type-ahead and the intake card just did), otherwise a point read, itself kept for
   * `pupilCacheMs` (a claim reads the pupil for the mentor and again for the card; the next
   * signal of the same pupil is often handled moments later). A pupil the fresh list does not
   * hold (added elsewhere a moment ago) is read too.
   */
  async getPupil(schoolId: string, id: string): Promise<PupilDoc | undefined> {
    const hit = this.pupilCache.get(schoolId);
    if (hit?.settled && this.nowMs() - hit.at < this.pupilCacheMs) {
      const list = await hit.pupils;
      let byId = this.pupilIndexes.get(list);
      if (!byId) this.pupilIndexes.set(list, (byId = new Map(list.map((p) => [p.id, p]))));
      const found = byId.get(id);
      if (found) return found;
    }
    return this.pupilReads.get(schoolId, id, async () => (await this.store.read(PupilDocSchema, id, schoolId))?.doc);
  }

  /**
   * A school's pupils, read at most every `pupilCacheMs`. A list older than that is still answered
   * — while one background query rereads the school — until it is three times that old: a class
   * typing at once never waits for a reread of 2,000 pupils, and a roster change made elsewhere is
   * seen within 3 × `pupilCacheMs`. Changes through this process clear the list at once.
   */
  async listPupils(schoolId: string): Promise<PupilDoc[]> {
    this.sweep();
    const hit = this.pupilCache.get(schoolId);
    const age = hit ? this.nowMs() - hit.at : Infinity;
    if (hit && (age < this.pupilCacheMs || !hit.settled)) return hit.pupils;
    if (hit && age < 3 * this.pupilCacheMs) {
      this.refreshPupils(schoolId, hit);
      return hit.pupils;
    }
    return this.loadPupils(schoolId).pupils;
  }

  /** One query of the whole school, cached (concurrent misses share it). */
  private loadPupils(schoolId: string): PupilCacheEntry {
    const entry: PupilCacheEntry = {
      at: this.nowMs(),
      settled: false,
      refreshing: false,
      pupils: this.store.query(PupilDocSchema, "SELECT * FROM c WHERE c.type = 'pupil'", {}, schoolId),
    };
    this.pupilCache.set(schoolId, entry);
    entry.pupils.then(
      () => Object.assign(entry, { settled: true, at: this.nowMs() }),
      () => this.pupilCache.get(schoolId) === entry && this.pupilCache.delete(schoolId),
    );
    return entry;
  }

  /** Rereads the school behind a list still being answered; replaces it unless it was cleared meanwhile. */
  private refreshPupils(schoolId: string, stale: PupilCacheEntry): void {
    if (stale.refreshing) return;
    stale.refreshing = true;
    const pupils = this.store.query(PupilDocSchema, "SELECT * FROM c WHERE c.type = 'pupil'", {}, schoolId);
    pupils.then(
      () =>
        this.pupilCache.get(schoolId) === stale &&
        this.pupilCache.set(schoolId, { at: this.nowMs(), settled: true, refreshing: false, pupils }),
      () => (stale.refreshing = false),
    );
  }

  invalidatePupils(schoolId: string): void {
    this.pupilCache.delete(schoolId);
    this.pupilReads.clear(schoolId);
  }

  async saveConversation(schoolId: string, userId: string, reference: StoredReference, now: Date): Promise<void> {
    const doc: ConversationDoc = {
      id: conversationDocId(userId),
      type: 'conversation',
      schoolId,
      userId,
      reference,
      updatedAt: now.toISOString(),
    };
    await this.store.upsert(doc);
  }

  async getConversation(schoolId: string, userId: string): Promise<ConversationDoc | undefined> {
    return (await this.store.read(ConversationDocSchema, conversationDocId(userId), schoolId))?.doc;
  }
}
