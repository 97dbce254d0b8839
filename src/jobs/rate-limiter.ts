/**
 * Sliding-window limits as Teams applies them to a bot: per conversation (7 per second,
 * 8 per 2 seconds, 60 per 30 seconds) and per tenant (50 per second). `waitMs` says how long
 * to wait before the next send to a key is within every window; `take` records a send.
 */
export interface Window {
  count: number;
  ms: number;
}
/**
 * Teams counts a message when it arrives; the runner takes its slot a moment before (the message
 * is still rendered and sent). A send's slot is therefore moved to the moment its call returned
 * (`take(...)` gives the function that does so): the message arrived before then, so the next
 * window opens no earlier than Teams' does. Until then the slot counts from when it was taken,
 * with this small margin for a message that is still under way when its window would end.
 * (A fixed 200 ms margin on every window instead cost 0.6 s on a 200-recipient fan-out.)
 */
export const SEND_JITTER_MARGIN_MS = 50;
export const CONVERSATION_WINDOWS: Window[] = [
  { count: 7, ms: 1000 },
  { count: 8, ms: 2000 },
  { count: 60, ms: 30_000 },
];
export const TENANT_WINDOWS: Window[] = [{ count: 50, ms: 1000 }];

interface Slot {
  at: number;
  settled: boolean;
}

export class SlidingLimiter {
  private readonly sent = new Map<string, Slot[]>();
  private readonly longest: number;
  constructor(
    private readonly windows: Window[],
    private readonly marginMs = SEND_JITTER_MARGIN_MS,
  ) {
    this.longest = Math.max(...windows.map((w) => w.ms)) + marginMs;
  }

  waitMs(key: string, now: number): number {
    const slots = this.prune(key, now);
    let wait = 0;
    for (const w of this.windows) {
      // when each slot leaves this window: a settled one at its arrival + the window, one under way with a margin
      const ends = slots
        .map((s) => s.at + w.ms + (s.settled ? 0 : this.marginMs))
        .filter((end) => end > now)
        .sort((a, b) => a - b);
      if (ends.length >= w.count) wait = Math.max(wait, ends[ends.length - w.count] - now + 1);
    }
    return wait;
  }

  /** Records a send now; call the returned function when the send's call has returned. */
  take(key: string, now: number): (returnedAt: number) => void {
    const slot: Slot = { at: now, settled: false };
    this.prune(key, now).push(slot);
    return (returnedAt) => {
      slot.at = Math.max(slot.at, returnedAt);
      slot.settled = true;
    };
  }

  private prune(key: string, now: number): Slot[] {
    const slots = (this.sent.get(key) ?? []).filter((s) => s.at > now - this.longest);
    this.sent.set(key, slots);
    return slots;
  }
}
