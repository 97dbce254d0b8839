import { z } from 'zod';
import { DocStore } from './doc-store';

const LeaseDocSchema = z.object({
  id: z.string(),
  type: z.literal('lease'),
  schoolId: z.string(),
  holder: z.string(),
  until: z.string(),
});
const MarkerDocSchema = z.object({
  id: z.string(),
  type: z.literal('marker'),
  schoolId: z.string(),
  at: z.string(),
  holder: z.string(),
});
const GLOBAL = '_global';

/**
 * Leases (one holder at a time for a named job) and once-markers (a step that must run once,
 * ever, across every instance: create-if-absent on a deterministic id).
 */
export class LeaseRepository {
  constructor(private readonly store: DocStore) {}

  /** Takes or renews the lease when it is free, expired or already ours. */
  async acquire(name: string, holder: string, now: Date, ttlMs: number, schoolId = GLOBAL): Promise<boolean> {
    const id = `lease:${name}`;
    const until = new Date(now.getTime() + ttlMs).toISOString();
    const current = await this.store.read(LeaseDocSchema, id, schoolId);
    if (!current) return (await this.store.create({ id, type: 'lease', schoolId, holder, until })) === 'ok';
    if (current.doc.holder !== holder && current.doc.until > now.toISOString()) return false;
    return (await this.store.replace({ ...current.doc, holder, until }, current.etag)) === 'ok';
  }

  async release(name: string, holder: string, schoolId = GLOBAL): Promise<void> {
    const current = await this.store.read(LeaseDocSchema, `lease:${name}`, schoolId);
    if (current && current.doc.holder === holder)
      await this.store.replace({ ...current.doc, until: new Date(0).toISOString() }, current.etag);
  }

  /** True for exactly one caller per marker name, whichever instance it runs in. */
  async claimOnce(marker: string, holder: string, now: Date, schoolId = GLOBAL): Promise<boolean> {
    return (
      (await this.store.create({ id: `marker:${marker}`, type: 'marker', schoolId, at: now.toISOString(), holder })) ===
      'ok'
    );
  }

  /** Names of the once-markers of a partition that start with `prefix` (e.g. every step of a school's rounds). */
  async listMarkers(prefix: string, schoolId = GLOBAL): Promise<string[]> {
    const rows = await this.store.query(
      MarkerDocSchema,
      "SELECT * FROM c WHERE c.type = 'marker' AND STARTSWITH(c.id, @p)",
      { p: `marker:${prefix}` },
      schoolId,
    );
    return rows.map((r) => r.id.slice('marker:'.length));
  }

  async hasMarker(marker: string, schoolId = GLOBAL): Promise<boolean> {
    return !!(await this.store.read(MarkerDocSchema, `marker:${marker}`, schoolId));
  }
}
