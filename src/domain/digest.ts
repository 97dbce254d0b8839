import { levelCounts, progress, type LevelCounts, type ProgressCount, type ProgressPage } from './round-scores';
import { schoolDaysBetween } from './school-days';
import {
  CATEGORIES,
  LEVELS,
  OPEN_STATES,
  effectiveLevel,
  type Category,
  type Escalation,
  type Level,
  type OpenState,
  type Signal,
  type SignalState,
} from './signal';

export { SMALL_NUMBER_THRESHOLD, suppressCount, type ShownCount } from './small-numbers';
export { levelCounts, type LevelCounts } from './round-scores';

/**
 * The coordinators' digest (S8) as pure arithmetic. The store hands in only what counts: open
 * signals and those created since the last digest, projected to `DigestSignal` (no names, no
 * text), so the cost grows with open items, not with history (S12).
 */
export interface DigestSignal {
  id: string;
  reference: string;
  state: SignalState;
  categories: readonly Category[];
  /** The level that counts now: worker's score, else the reporter's estimate. */
  level: Level;
  createdAt: string;
  escalation?: { status: Escalation['status']; requestedAt: string };
}

export const toDigestSignal = (s: Signal): DigestSignal => ({
  id: s.id,
  reference: s.reference,
  state: s.state,
  categories: s.categories,
  level: effectiveLevel(s),
  createdAt: s.createdAt,
  ...(s.escalation ? { escalation: { status: s.escalation.status, requestedAt: s.escalation.requestedAt } } : {}),
});

export interface DigestLimits {
  /** A 'new' signal older than this many school days is overdue. */
  unclaimedSchoolDays: number;
  /** An escalation nobody in the OT claimed within this many school days is overdue (S6). */
  escalationUnclaimedSchoolDays: number;
}
export const DEFAULT_DIGEST_LIMITS: DigestLimits = { unclaimedSchoolDays: 2, escalationUnclaimedSchoolDays: 3 };

export interface DigestInput {
  now: Date;
  /** The previous digest; signals created from then on count as new. */
  since: Date;
  signals: readonly DigestSignal[];
  holidays?: readonly string[];
  limits?: Partial<DigestLimits>;
  /** Pages of the current or last round. */
  roundPages?: readonly ProgressPage[];
  /** 1-2-3 scores of the current and previous round, as counts per level. */
  distribution?: { current: LevelCounts; previous?: LevelCounts };
}

export type { OpenState } from './signal';

export interface OpenItem {
  signalId: string;
  reference: string;
  state: OpenState;
  level: Level;
  ageSchoolDays: number;
  overdue: boolean;
  overdueReason?: 'unclaimed' | 'escalationUnclaimed';
}

export interface SchoolDigest {
  generatedAt: string;
  since: string;
  /** Distinct signals this digest is about (new or open): the school's item count. */
  signalCount: number;
  newSignals: { total: number; byCategory: Record<Category, number>; byLevel: LevelCounts };
  open: { total: number; byState: Record<OpenState, number>; overdue: number; items: OpenItem[] };
  escalations: { open: number; unclaimed: number; overdueUnclaimed: number };
  rounds?: { perWorker: Array<{ workerId: string } & ProgressCount>; overall: ProgressCount };
  distribution?: {
    current: LevelCounts;
    currentTotal: number;
    previous?: LevelCounts;
    previousTotal?: number;
    delta?: LevelCounts;
  };
}

const zeroBy = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const sumLevels = (c: LevelCounts): number => c[1] + c[2] + c[3];

export function schoolDigest(input: DigestInput): SchoolDigest {
  const { now, since, holidays = [] } = input;
  const limits = { ...DEFAULT_DIGEST_LIMITS, ...input.limits };
  const age = (iso: string) => schoolDaysBetween(new Date(iso), now, holidays);

  const fresh = input.signals.filter(
    (s) => Date.parse(s.createdAt) >= since.getTime() && Date.parse(s.createdAt) <= now.getTime(),
  );
  const byCategory = zeroBy(CATEGORIES);
  for (const s of fresh) for (const c of new Set(s.categories)) byCategory[c]++;

  const open = input.signals.filter((s): s is DigestSignal & { state: OpenState } => s.state !== 'closed');
  const items: OpenItem[] = [...open]
    .sort(
      (a, b) =>
        Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
        (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0),
    )
    .map((s) => openItem(s, age, limits));
  const byState = zeroBy(OPEN_STATES);
  for (const s of open) byState[s.state]++;

  const escalated = open.filter(
    (s) => s.state === 'escalated' && (s.escalation?.status === 'open' || s.escalation?.status === 'claimed'),
  );
  const unclaimed = escalated.filter((s) => s.escalation?.status === 'open');

  return {
    generatedAt: now.toISOString(),
    since: since.toISOString(),
    signalCount: new Set([...fresh, ...open].map((s) => s.id)).size,
    newSignals: { total: fresh.length, byCategory, byLevel: levelCounts(fresh.map((s) => s.level)) },
    open: { total: open.length, byState, overdue: items.filter((i) => i.overdue).length, items },
    escalations: {
      open: escalated.length,
      unclaimed: unclaimed.length,
      overdueUnclaimed: unclaimed.filter((s) => age(s.escalation!.requestedAt) > limits.escalationUnclaimedSchoolDays)
        .length,
    },
    ...(input.roundPages ? { rounds: roundsOf(input.roundPages) } : {}),
    ...(input.distribution ? { distribution: distributionOf(input.distribution) } : {}),
  };
}

/** One open signal with its age in school days and why it is overdue, if it is (the digest and the bespreeklijst). */
export function openItem(
  s: DigestSignal & { state: OpenState },
  age: (iso: string) => number,
  limits: DigestLimits,
): OpenItem {
  const ageSchoolDays = age(s.createdAt);
  const unclaimed = s.state === 'new' && ageSchoolDays > limits.unclaimedSchoolDays;
  const escalationLate =
    s.state === 'escalated' &&
    s.escalation?.status === 'open' &&
    age(s.escalation.requestedAt) > limits.escalationUnclaimedSchoolDays;
  const overdueReason = unclaimed ? 'unclaimed' : escalationLate ? 'escalationUnclaimed' : undefined;
  return {
    signalId: s.id,
    reference: s.reference,
    state: s.state,
    level: s.level,
    ageSchoolDays,
    overdue: overdueReason !== undefined,
    ...(overdueReason ? { overdueReason } : {}),
  };
}

function roundsOf(pages: readonly ProgressPage[]): NonNullable<SchoolDigest['rounds']> {
  const p = progress(pages);
  return { perWorker: p.perWorker, overall: p.overall };
}

function distributionOf(d: NonNullable<DigestInput['distribution']>): NonNullable<SchoolDigest['distribution']> {
  const current = { ...d.current };
  if (!d.previous) return { current, currentTotal: sumLevels(current) };
  const previous = { ...d.previous };
  const delta = { 1: 0, 2: 0, 3: 0 };
  for (const l of LEVELS) delta[l] = current[l] - previous[l];
  return { current, currentTotal: sumLevels(current), previous, previousTotal: sumLevels(previous), delta };
}
