import type { Level } from './signal';

/**
 * A pupil scored 3, or risen by two levels since last round, is offered a one-click signal or
 * escalation (S7). With levels 1-3 a rise by two is 1 → 3, so every 3 is offered, including a
 * second 3 in a row: the pupil is still in crisis.
 */
export const shouldOffer = (current: Level, previous?: Level): boolean =>
  current === 3 || (previous !== undefined && current - previous >= 2);

/** '1 → 2 → 2', oldest first. */
export const trend = (levels: readonly Level[]): string => levels.join(' → ');

export type LevelCounts = Record<Level, number>;

export const levelCounts = (levels: readonly Level[]): LevelCounts => {
  const counts: LevelCounts = { 1: 0, 2: 0, 3: 0 };
  for (const l of levels) counts[l]++;
  return counts;
};

export interface ProgressPage {
  workerId: string;
  classId: string;
  total: number;
  done: number;
}
export interface ProgressCount {
  done: number;
  total: number;
  /** Whole percent done, rounded down (100 only when all is done; 100 for nothing to do). */
  percent: number;
}
export interface RoundProgress {
  perClass: Array<{ classId: string } & ProgressCount>;
  perWorker: Array<{ workerId: string } & ProgressCount>;
  overall: ProgressCount;
}

const count = (done: number, total: number): ProgressCount => ({
  done,
  total,
  percent: total === 0 ? 100 : Math.floor((done * 100) / total),
});

/** Round completion per class and per worker (S7 `/ronde`, S8); a page's done is clamped to 0..total. */
export function progress(pages: ReadonlyArray<ProgressPage>): RoundProgress {
  const byClass = new Map<string, [number, number]>();
  const byWorker = new Map<string, [number, number]>();
  let done = 0;
  let total = 0;
  for (const p of pages) {
    const t = Math.max(0, p.total);
    const d = Math.min(t, Math.max(0, p.done));
    for (const [map, key] of [
      [byClass, p.classId],
      [byWorker, p.workerId],
    ] as const) {
      const acc = map.get(key) ?? [0, 0];
      map.set(key, [acc[0] + d, acc[1] + t]);
    }
    done += d;
    total += t;
  }
  const rows = (m: Map<string, [number, number]>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    perClass: rows(byClass).map(([classId, [d, t]]) => ({ classId, ...count(d, t) })),
    perWorker: rows(byWorker).map(([workerId, [d, t]]) => ({ workerId, ...count(d, t) })),
    overall: count(done, total),
  };
}
