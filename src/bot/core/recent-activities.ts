/**
 * Activity keys this process handled recently: a bounded, time-limited set. It catches Teams
 * redelivering a message to the same instance without a store round trip. Check-and-add is one
 * synchronous step, so deliveries arriving at the same moment still see each other.
 */
export class RecentActivities {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly maxEntries = 20_000,
    private readonly ttlMs = 15 * 60_000,
    private readonly nowMs: () => number = Date.now,
  ) {}

  /** true for the first caller with `key` within the time limit; false for every later one. */
  firstTime(key: string): boolean {
    const now = this.nowMs();
    const at = this.seen.get(key);
    if (at !== undefined && now - at < this.ttlMs) return false;
    this.seen.delete(key);
    this.seen.set(key, now);
    // Oldest first (Map keeps insertion order): drop what is past the limit or over the bound.
    for (const [k, t] of this.seen) {
      if (this.seen.size <= this.maxEntries && now - t < this.ttlMs) break;
      this.seen.delete(k);
    }
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}
