/**
 * A short-lived, per-school cache of reads made for display (a pupil on a card, a pupil's recent
 * scores): an entry answers for `ttlMs`, concurrent misses share one read, a failed read is not
 * kept, and a write through this process clears its school at once. Entries past their time are
 * dropped at most once per `ttlMs`, so a process does not keep every pupil it ever showed.
 * Never used for anything an ETag-guarded write is decided on.
 */
export class SchoolKeyedCache<V> {
  private readonly schools = new Map<string, Map<string, { at: number; value: Promise<V> }>>();
  private lastSweep = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly nowMs: () => number = Date.now,
  ) {}

  get(schoolId: string, key: string, load: () => Promise<V>): Promise<V> {
    const now = this.nowMs();
    this.sweep(now);
    let entries = this.schools.get(schoolId);
    const hit = entries?.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    if (!entries) this.schools.set(schoolId, (entries = new Map<string, { at: number; value: Promise<V> }>()));
    const entry = { at: now, value: load() };
    entries.set(key, entry);
    entry.value.catch(() => this.schools.get(schoolId)?.get(key) === entry && this.schools.get(schoolId)?.delete(key));
    return entry.value;
  }

  clear(schoolId: string): void {
    this.schools.delete(schoolId);
  }

  size(): number {
    let n = 0;
    for (const entries of this.schools.values()) n += entries.size;
    return n;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.ttlMs) return;
    this.lastSweep = now;
    for (const [schoolId, entries] of this.schools) {
      for (const [key, e] of entries) if (now - e.at >= this.ttlMs) entries.delete(key);
      if (entries.size === 0) this.schools.delete(schoolId);
    }
  }
}
