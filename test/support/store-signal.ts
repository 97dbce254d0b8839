import type { Signal } from '../../src/domain/signal';

/** The instant the store tests' signals are created at. */
export const STORE_NOW = new Date('2026-11-23T08:00:00Z');

/** A minimal new signal of school `s1` with reference number `seq`, for repository tests. */
export const storeSignal = (id: string, seq: number, history: Signal['history'] = []): Signal => ({
  id,
  schoolId: 's1',
  reference: `S-2026-${String(seq).padStart(4, '0')}`,
  pupilId: 'pupil:1',
  reporterId: 'u1',
  categories: ['gedrag'],
  reporterLevel: 2,
  observation: 'x',
  alreadyKnown: { pupil: false, parents: false, mentor: false },
  urgency: 'normal',
  state: 'new',
  createdAt: STORE_NOW.toISOString(),
  updatedAt: STORE_NOW.toISOString(),
  lastChangeBy: 'u1',
  questions: [],
  history,
});
