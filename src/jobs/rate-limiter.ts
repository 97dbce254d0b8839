/**
 * Sliding-window limits as Teams applies them to a bot: per conversation (7 per second,
 * 8 per 2 seconds, 60 per 30 seconds) and per tenant (50 per second). `waitMs` says how long
 * to wait before the next send to a key is within every window; `take` records a send.
 */
export interface Window { count: number; ms: number }
/**
 * Teams counts a message when it arrives; the runner takes its slot a moment before (the message
 * is still rendered and sent). Windows a little longer than Teams' absorb that jitter: without it,
 * a 200-recipient fan-out at full speed drew 429s on about one call in eight (bench/run-bench.ts).
 */
export const SEND_JITTER_MARGIN_MS = 200;
const withMargin = (windows: Window[]): Window[] => windows.map((w) => ({ count: w.count, ms: w.ms + SEND_JITTER_MARGIN_MS }));
export const CONVERSATION_WINDOWS: Window[] = withMargin([{ count: 7, ms: 1000 }, { count: 8, ms: 2000 }, { count: 60, ms: 30_000 }]);
export const TENANT_WINDOWS: Window[] = withMargin([{ count: 50, ms: 1000 }]);

export class SlidingLimiter {
  private readonly sent = new Map<string, number[]>();
  private readonly longest: number;
  constructor(private readonly windows: Window[]) {
    this.longest = Math.max(...windows.map((w) => w.ms));
  }

  waitMs(key: string, now: number): number {
    const times = this.prune(key, now);
    let wait = 0;
    for (const w of this.windows) {
      const inWindow = times.filter((t) => t > now - w.ms);
      if (inWindow.length >= w.count) wait = Math.max(wait, inWindow[inWindow.length - w.count] + w.ms - now + 1);
    }
    return wait;
  }

  take(key: string, now: number): void {
    this.prune(key, now).push(now);
  }

  private prune(key: string, now: number): number[] {
    const times = (this.sent.get(key) ?? []).filter((t) => t > now - this.longest);
    this.sent.set(key, times);
    return times;
  }
}
