import { schoolDigest, type DigestSignal } from '../../src/domain/digest';
import { CATEGORIES, OPEN_STATES } from '../../src/domain/signal';
import type { DigestViewInput } from '../../src/bot/digest/digest-view';

/** Fixed digests for card tests and samples: an empty school and a busy one (counts only). */
export const SAMPLE_NOW = new Date('2026-11-23T07:30:00.000Z');
export const SAMPLE_SINCE = new Date('2026-11-16T06:30:00.000Z');

export function emptyDigestView(): DigestViewInput {
  return {
    schoolName: 'Demo College De Linde',
    since: SAMPLE_SINCE.toISOString(),
    until: SAMPLE_NOW.toISOString(),
    slotsCovered: 1,
    late: false,
    digest: schoolDigest({ now: SAMPLE_NOW, since: SAMPLE_SINCE, signals: [] }),
    workerNames: {},
  };
}

/** A large school on a bad week: 240 open signals, dozens overdue, a round half done. */
export function busyDigestView(): DigestViewInput {
  const signals: DigestSignal[] = [];
  for (let i = 0; i < 260; i++) {
    const state = i < 20 ? 'closed' : OPEN_STATES[i % OPEN_STATES.length];
    const createdAt = new Date(SAMPLE_NOW.getTime() - ((i * 37) % 90) * 86_400_000 - 3_600_000).toISOString();
    signals.push({
      id: `signal:busy-${i}`,
      reference: `S-2026-${String(1000 + i).padStart(4, '0')}`,
      state,
      categories: [
        CATEGORIES[i % CATEGORIES.length],
        ...(i % 4 === 0 ? [CATEGORIES[(i + 3) % CATEGORIES.length]] : []),
      ],
      level: i % 7 === 0 ? 3 : i % 5 === 0 ? 1 : 2,
      createdAt,
      ...(state === 'escalated'
        ? { escalation: { status: i % 3 === 0 ? 'claimed' : 'open', requestedAt: createdAt } as const }
        : {}),
    });
  }
  const workers = ['w-demi', 'w-anouk', 'w-third'];
  const roundPages = workers.flatMap((w, wi) =>
    Array.from({ length: 12 }, (_, c) => ({
      workerId: w,
      classId: `c${c}`,
      total: 25,
      done: c < 12 - wi * 4 ? 25 : 0,
    })),
  );
  return {
    schoolName: 'Stedelijk Lyceum Noord',
    since: SAMPLE_SINCE.toISOString(),
    until: SAMPLE_NOW.toISOString(),
    slotsCovered: 3,
    late: true,
    digest: schoolDigest({
      now: SAMPLE_NOW,
      since: SAMPLE_SINCE,
      signals,
      roundPages,
      distribution: { current: { 1: 612, 2: 141, 3: 37 }, previous: { 1: 640, 2: 122, 3: 28 } },
    }),
    workerNames: { 'w-demi': 'Demi Koster', 'w-anouk': 'Anouk Veldman', 'w-third': 'Sanne de Wit' },
  };
}
