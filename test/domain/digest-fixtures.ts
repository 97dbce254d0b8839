import type { DigestSignal } from '../../src/domain/digest';

/** Monday 12 October 2026, 08:00 in Amsterdam: the weekly digest; the previous one a week before. */
export const DIGEST_NOW = new Date('2026-10-12T06:00:00.000Z');
export const DIGEST_SINCE = new Date('2026-10-05T06:00:00.000Z');

const s = (id: string, over: Partial<DigestSignal>): DigestSignal => ({
  id,
  reference: `S-2026-${id}`,
  state: 'new',
  categories: ['gedrag'],
  level: 2,
  createdAt: '2026-10-07T09:00:00.000Z',
  ...over,
});

/** One school's signals; comments give the age in school days on DIGEST_NOW. */
export const SCHOOL_A_SIGNALS: DigestSignal[] = [
  s('000A', { categories: ['verzuim', 'gedrag'], createdAt: '2026-10-07T09:00:00.000Z' }), // new, 3 days: overdue
  s('000B', { categories: ['pesten'], level: 3, createdAt: '2026-10-09T09:00:00.000Z' }), // new, 1 day
  s('000C', {
    state: 'escalated',
    categories: ['thuissituatie'],
    level: 3,
    createdAt: '2026-09-20T10:00:00.000Z',
    escalation: { status: 'open', requestedAt: '2026-10-06T09:00:00.000Z' }, // unclaimed 4 days: overdue
  }), // 16 days
  s('000D', {
    state: 'escalated',
    createdAt: '2026-09-28T08:00:00.000Z',
    escalation: { status: 'claimed', requestedAt: '2026-10-01T08:00:00.000Z' },
  }), // 10 days
  s('000E', { state: 'inProgress', categories: ['verzuim'], level: 1, createdAt: '2026-10-05T07:00:00.000Z' }), // new since; 5 days
  s('000F', { state: 'closed', categories: ['anders'], createdAt: '2026-10-06T10:00:00.000Z' }), // new since, closed already
  s('000G', { state: 'watch', categories: ['sociaal-emotioneel'], createdAt: '2026-09-01T08:00:00.000Z' }), // 29 days
  s('000H', { state: 'closed', createdAt: '2026-09-01T08:00:00.000Z' }), // old and closed: not counted
  s('000I', { createdAt: '2026-10-05T05:00:00.000Z' }), // new state but before the last digest; 5 days: overdue
];

export const schoolBSignals = (): DigestSignal[] =>
  ['B1', 'B2', 'B3'].map((id) => s(id, { categories: ['pesten'], level: 3, createdAt: '2026-10-12T05:00:00.000Z' }));
export const schoolCSignals = (): DigestSignal[] =>
  ['C1', 'C2', 'C3', 'C4', 'C5', 'C6'].map((id) => s(id, { createdAt: '2026-10-12T05:00:00.000Z' }));
