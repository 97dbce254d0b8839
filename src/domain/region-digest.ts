import type { SchoolDigest } from './digest';
import type { LevelCounts } from './round-scores';
import { CATEGORIES, LEVELS, OPEN_STATES, type Category, type Level, type OpenState } from './signal';
import { SMALL_NUMBER_THRESHOLD, isSuppressed, suppressCount, suppressRecord, type ShownCount } from './small-numbers';

/**
 * The project lead's region digest (S8): schools aggregated, never a pupil, never a reference.
 * Every count from 1 to threshold-1 shows as '<5'; a school with fewer signals than the
 * threshold is counted in the region totals but not shown on its own.
 */
export interface RegionFigures {
  newSignals: { total: ShownCount; byCategory: Record<Category, ShownCount>; byLevel: Record<Level, ShownCount> };
  open: { total: ShownCount; byState: Record<OpenState, ShownCount>; overdue: ShownCount };
  escalations: { open: ShownCount; unclaimed: ShownCount; overdueUnclaimed: ShownCount };
  distribution?: {
    current: Record<Level, ShownCount>;
    previous?: Record<Level, ShownCount>;
    /** null where either side is suppressed: a difference would undo the suppression. */
    delta?: Record<Level, number | null>;
  };
}

export interface RegionSchool {
  schoolId: string;
  schoolName: string;
  shownInDetail: boolean;
  figures?: RegionFigures;
}

export interface RegionDigest {
  generatedAt: string;
  schoolCount: number;
  totals: RegionFigures;
  schools: RegionSchool[];
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

type Raw = Pick<SchoolDigest, 'newSignals' | 'open' | 'escalations' | 'distribution'>;

const add = <K extends string | number>(a: Record<K, number>, b: Record<K, number>): Record<K, number> => {
  const out = { ...a };
  for (const k of Object.keys(b) as K[]) out[k] = (out[k] ?? 0) + b[k];
  return out;
};

function sum(digests: readonly SchoolDigest[]): Raw {
  const [first, ...rest] = digests;
  const acc: Raw = {
    newSignals: {
      ...first.newSignals,
      byCategory: { ...first.newSignals.byCategory },
      byLevel: { ...first.newSignals.byLevel },
    },
    open: { ...first.open, byState: { ...first.open.byState }, items: [] },
    escalations: { ...first.escalations },
    distribution: first.distribution,
  };
  for (const d of rest) {
    acc.newSignals = {
      total: acc.newSignals.total + d.newSignals.total,
      byCategory: add(acc.newSignals.byCategory, d.newSignals.byCategory),
      byLevel: add(acc.newSignals.byLevel, d.newSignals.byLevel),
    };
    acc.open = {
      total: acc.open.total + d.open.total,
      byState: add(acc.open.byState, d.open.byState),
      overdue: acc.open.overdue + d.open.overdue,
      items: [],
    };
    acc.escalations = {
      open: acc.escalations.open + d.escalations.open,
      unclaimed: acc.escalations.unclaimed + d.escalations.unclaimed,
      overdueUnclaimed: acc.escalations.overdueUnclaimed + d.escalations.overdueUnclaimed,
    };
    acc.distribution = addDistribution(acc.distribution, d.distribution);
  }
  return acc;
}

function addDistribution(
  a: SchoolDigest['distribution'],
  b: SchoolDigest['distribution'],
): SchoolDigest['distribution'] {
  if (!a || !b) return a ?? b;
  const current = add(a.current, b.current) as LevelCounts;
  if (!a.previous || !b.previous) return { current, currentTotal: a.currentTotal + b.currentTotal };
  const previous = add(a.previous, b.previous) as LevelCounts;
  const delta = { 1: current[1] - previous[1], 2: current[2] - previous[2], 3: current[3] - previous[3] };
  return {
    current,
    currentTotal: a.currentTotal + b.currentTotal,
    previous,
    previousTotal: (a.previousTotal ?? 0) + (b.previousTotal ?? 0),
    delta,
  };
}

function shown(raw: Raw, threshold: number): RegionFigures {
  const s = (n: number) => suppressCount(n, threshold);
  const d = raw.distribution;
  return {
    newSignals: {
      total: s(raw.newSignals.total),
      byCategory: suppressRecord(raw.newSignals.byCategory, threshold),
      byLevel: suppressRecord(raw.newSignals.byLevel, threshold),
    },
    open: {
      total: s(raw.open.total),
      byState: suppressRecord(raw.open.byState, threshold),
      overdue: s(raw.open.overdue),
    },
    escalations: {
      open: s(raw.escalations.open),
      unclaimed: s(raw.escalations.unclaimed),
      overdueUnclaimed: s(raw.escalations.overdueUnclaimed),
    },
    ...(d
      ? {
          distribution: {
            current: suppressRecord(d.current, threshold),
            ...(d.previous ? { previous: suppressRecord(d.previous, threshold) } : {}),
            ...(d.previous && d.delta ? { delta: safeDelta(d.current, d.previous, d.delta, threshold) } : {}),
          },
        }
      : {}),
  };
}

function safeDelta(
  current: LevelCounts,
  previous: LevelCounts,
  delta: LevelCounts,
  threshold: number,
): Record<Level, number | null> {
  const out = { 1: null, 2: null, 3: null } as Record<Level, number | null>;
  for (const l of LEVELS)
    out[l] = isSuppressed(current[l], threshold) || isSuppressed(previous[l], threshold) ? null : delta[l];
  return out;
}

export function regionDigest(
  schools: ReadonlyArray<{ schoolId: string; schoolName: string; digest: SchoolDigest }>,
  now: Date,
  threshold = SMALL_NUMBER_THRESHOLD,
): RegionDigest {
  const sorted = [...schools].sort((a, b) =>
    a.schoolName < b.schoolName ? -1 : a.schoolName > b.schoolName ? 1 : a.schoolId < b.schoolId ? -1 : 1,
  );
  const empty: SchoolDigest = {
    generatedAt: '',
    since: '',
    signalCount: 0,
    newSignals: { total: 0, byCategory: zeros(CATEGORIES), byLevel: { 1: 0, 2: 0, 3: 0 } },
    open: { total: 0, byState: zeros(OPEN_STATES), overdue: 0, items: [] },
    escalations: { open: 0, unclaimed: 0, overdueUnclaimed: 0 },
  };
  return {
    generatedAt: now.toISOString(),
    schoolCount: schools.length,
    totals: shown(sum(schools.length > 0 ? schools.map((s) => s.digest) : [empty]), threshold),
    schools: sorted.map(({ schoolId, schoolName, digest }) => {
      const shownInDetail = digest.signalCount >= threshold;
      return {
        schoolId,
        schoolName,
        shownInDetail,
        ...(shownInDetail ? { figures: shown(sum([digest]), threshold) } : {}),
      };
    }),
  };
}
