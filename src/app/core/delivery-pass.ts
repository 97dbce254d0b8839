/** How long a read stays good for later messages of one outbox pass. */
export const PASS_READ_MS = 2_000;

/**
 * What one outbox pass reads once for all its messages: a new signal's card goes to each
 * prevention worker, and each card is drawn from the signal as it is now — one read of the
 * signal for the pass instead of one per card. Only for drawing what is sent (never for a
 * decision or an ETag); a read older than PASS_READ_MS is made again, and a failed read is not
 * kept. A change to the signal after the read queues its own card updates, which wait behind
 * these cards in each conversation, so no copy stays behind.
 */
export class DeliveryPass {
  private readonly reads = new Map<string, { atMs: number; value: Promise<unknown> }>();

  constructor(private readonly nowMs: () => number = Date.now) {}

  /** The answer of `read` for `key`, read once while fresh; concurrent callers share one read. */
  once<T>(key: string, read: () => Promise<T>): Promise<T> {
    const t = this.nowMs();
    const kept = this.reads.get(key);
    if (kept && t - kept.atMs >= 0 && t - kept.atMs < PASS_READ_MS) return kept.value as Promise<T>;
    const value = read();
    this.reads.set(key, { atMs: t, value });
    value.catch(() => {
      if (this.reads.get(key)?.value === value) this.reads.delete(key);
    });
    return value;
  }
}
