import type { OpenItem, SchoolDigest, ShownCount } from '../../domain/digest';
import type { RegionDigest, RegionFigures } from '../../domain/region-digest';
import { CATEGORIES, LEVELS, OPEN_STATES } from '../../domain/signal';
import { CATEGORY_LABELS, LEVEL_LABELS, STATE_LABELS, formatDate } from '../core/texts';
import type { RoleNames } from '../../domain/role-labels';
import { DT } from './digest-texts';
import { literal } from '../core/literal-text';

/**
 * Turns digest figures into the data of `cards/digest-*.json`. Every chart comes twice: as data
 * for a Teams chart element, and as bars made of card elements for its fallback (clients
 * without chart support). Channel data holds counts and references only.
 */
export interface Bar {
  label: string;
  value: string;
  fill: string;
  rest: string;
  hasFill: boolean;
  hasRest: boolean;
  style: string;
}
type XY = { x: string; y: number };

/** Bars scaled to the largest value; a non-zero value always shows at least a sliver. */
export function bars(
  rows: Array<{ label: string; value: number; text?: string }>,
  style = 'accent',
  max?: number,
): Bar[] {
  const top = Math.max(1, max ?? Math.max(0, ...rows.map((r) => r.value)));
  return rows.map((r) => {
    const fill = r.value <= 0 ? 0 : Math.max(2, Math.round((r.value / top) * 100));
    const rest = 100 - Math.min(100, fill);
    return {
      label: r.label,
      value: r.text ?? String(r.value),
      fill: String(fill),
      rest: String(rest),
      hasFill: fill > 0,
      hasRest: rest > 0,
      style,
    };
  });
}

const LEVEL_COLORS: Record<number, string> = { 1: 'good', 2: 'warning', 3: 'attention' };
const LEVEL_STYLES: Record<number, string> = { 1: 'good', 2: 'warning', 3: 'attention' };
const shortLevel = (l: number) => LEVEL_LABELS[l] ?? String(l);

export interface DigestViewInput {
  schoolName: string;
  since: string;
  until: string;
  slotsCovered: number;
  late: boolean;
  manual?: boolean;
  digest: SchoolDigest;
  workerNames: Record<string, string>;
  /** the school's role words */
  names?: RoleNames;
}

const reasonText = (i: OpenItem) =>
  i.overdueReason === 'escalationUnclaimed' ? DT.reasonEscalation : DT.reasonUnclaimed;
/** Flagged references shown in the channel card; the rest is a count. */
export const MAX_FLAGGED_REFERENCES = 10;

export function digestCardData(v: DigestViewInput): Record<string, unknown> {
  const d = v.digest;
  // chart labels stay short: a long one squeezes every bar ('Sociaal-emotioneel / welbevinden' → 'Sociaal-emotioneel')
  const categoryRows = CATEGORIES.map((c) => ({
    label: (CATEGORY_LABELS[c] ?? c).split(' / ')[0],
    value: d.newSignals.byCategory[c],
  })).filter((r) => r.value > 0);
  const levelRows = LEVELS.filter((l) => l !== 1 || d.newSignals.byLevel[1] > 0).map((l) => ({
    label: shortLevel(l),
    value: d.newSignals.byLevel[l],
    level: l,
  }));
  const stateRows = OPEN_STATES.map((s) => {
    const items = d.open.items.filter((i) => i.state === s);
    return {
      state: s,
      label: STATE_LABELS[s],
      count: items.length,
      oldest: Math.max(0, ...items.map((i) => i.ageSchoolDays)),
      overdue: items.filter((i) => i.overdue).length,
    };
  }).filter((r) => r.count > 0);
  const flagged = d.open.items.filter((i) => i.overdue);
  const rounds = d.rounds;
  const dist = d.distribution;
  const workerName = (id: string): string => (v.workerNames[id] ? literal(v.workerNames[id]) : DT.someWorker(v.names));
  return {
    title: DT.channelTitle(v.schoolName),
    period: DT.period(formatDate(v.since), formatDate(v.until)),
    hasLate: v.late,
    lateText: DT.late(v.slotsCovered),
    hasManual: !!v.manual,
    manualText: DT.manual,

    newTitle: DT.newTitle,
    newTotal: d.newSignals.total > 0 ? DT.newTotal(d.newSignals.total) : DT.newNone,
    hasNew: d.newSignals.total > 0,
    byCategory: DT.byCategory,
    categoryChart: categoryRows.map((r): XY => ({ x: r.label, y: r.value })),
    categoryBars: bars(categoryRows),
    byLevel: DT.byLevel,
    levelDonut: levelRows.map((r) => ({ legend: r.label, value: r.value, color: LEVEL_COLORS[r.level] })),
    levelFacts: levelRows.map((r) => ({ title: r.label, value: String(r.value) })),
    levelBars: levelRows.flatMap((r) => bars([r], LEVEL_STYLES[r.level], Math.max(...levelRows.map((x) => x.value)))),

    openTitle: DT.openTitle,
    openTotal: d.open.total > 0 ? DT.openTotal(d.open.total, d.open.overdue) : DT.openNone,
    hasOpen: d.open.total > 0,
    byState: DT.byState,
    stateChart: stateRows.map((r): XY => ({ x: r.label, y: r.count })),
    stateBars: bars(stateRows.map((r) => ({ label: r.label, value: r.count }))),
    stateFacts: stateRows.map((r) => ({ title: r.label, value: DT.stateRow(r.count, r.oldest, r.overdue) })),
    hasFlagged: flagged.length > 0,
    flaggedTitle: DT.flaggedTitle,
    flaggedFacts: flagged.slice(0, MAX_FLAGGED_REFERENCES).map((i) => ({
      title: `⚠ ${i.reference}`,
      value: DT.flaggedRow(STATE_LABELS[i.state], i.ageSchoolDays, reasonText(i)),
    })),
    hasFlaggedMore: flagged.length > MAX_FLAGGED_REFERENCES,
    flaggedMore: DT.flaggedMore(flagged.length - MAX_FLAGGED_REFERENCES),

    escalationsTitle: DT.escalationsTitle,
    escalationFacts: [
      { title: DT.escalationsOpen, value: String(d.escalations.open) },
      { title: DT.escalationsUnclaimed, value: String(d.escalations.unclaimed) },
      {
        title: DT.escalationsLate,
        value: d.escalations.overdueUnclaimed > 0 ? `⚠ ${d.escalations.overdueUnclaimed}` : '0',
      },
    ],

    roundTitle: DT.roundTitle,
    hasRound: !!rounds && rounds.overall.total > 0,
    roundNone: DT.roundNone,
    roundOverall: rounds ? DT.roundOverall(rounds.overall.done, rounds.overall.total, rounds.overall.percent) : '',
    roundPerWorker: DT.roundPerWorker(v.names),
    // a chart of nothing but zeros draws an empty axis: the bars say it better until work is done
    hasWorkerChart: !!rounds && rounds.overall.done > 0,
    workerChart: (rounds?.perWorker ?? []).map((w): XY => ({ x: workerName(w.workerId), y: w.percent })),
    workerBars: bars(
      (rounds?.perWorker ?? []).map((w) => ({
        label: workerName(w.workerId),
        value: w.percent,
        text: DT.roundWorker(w.done, w.total, w.percent),
      })),
      'good',
      100,
    ),

    hasDistribution: !!dist && dist.currentTotal > 0,
    distributionTitle: DT.distributionTitle,
    distributionDonut: dist
      ? LEVELS.map((l) => ({ legend: shortLevel(l), value: dist.current[l], color: LEVEL_COLORS[l] }))
      : [],
    distributionBars: dist
      ? LEVELS.flatMap((l) =>
          bars(
            [
              {
                label: shortLevel(l),
                value: dist.current[l],
                text: DT.distributionRow(dist.current[l], dist.previous?.[l], dist.delta?.[l]),
              },
            ],
            LEVEL_STYLES[l],
            Math.max(...LEVELS.map((x) => dist.current[x])),
          ),
        )
      : [],
    distributionFacts: dist
      ? LEVELS.map((l) => ({
          title: shortLevel(l),
          value: DT.distributionRow(dist.current[l], dist.previous?.[l], dist.delta?.[l]),
        }))
      : [],
    hasNoPrevious: !!dist && !dist.previous,
    distributionNoPrevious: DT.distributionNoPrevious,
  };
}

export interface NamedRow {
  reference: string;
  name: string;
  detail: string;
  signalId: string;
  schoolId: string;
}

/** The names section of the personal digest: one row per flagged item, each with a button to its signal card. */
export function namesCardData(schoolName: string, rows: NamedRow[], moreFlagged: number): Record<string, unknown> {
  return {
    title: DT.personalTitle(schoolName),
    personalOnly: DT.personalOnly,
    namesTitle: DT.namesTitle,
    hasNames: rows.length > 0,
    namesNone: DT.namesNone,
    names: rows.map((r) => ({ ...r, open: DT.openSignal })),
    hasMore: moreFlagged > 0,
    more: DT.flaggedMore(moreFlagged),
  };
}

export const namedDetail = (i: OpenItem) => DT.flaggedRow(STATE_LABELS[i.state], i.ageSchoolDays, reasonText(i));

const shown = (n: ShownCount) => String(n);
const figureFacts = (f: RegionFigures) => [
  { title: DT.regionNew, value: shown(f.newSignals.total) },
  { title: DT.regionLevels, value: LEVELS.map((l) => shown(f.newSignals.byLevel[l])).join(' / ') },
  { title: DT.regionOpen, value: shown(f.open.total) },
  { title: DT.regionOverdue, value: shown(f.open.overdue) },
  { title: DT.regionEscalations, value: `${shown(f.escalations.open)} / ${shown(f.escalations.unclaimed)}` },
];

export function regionCardData(region: string, r: RegionDigest): Record<string, unknown> {
  const categories = CATEGORIES.map((c) => ({
    title: CATEGORY_LABELS[c] ?? c,
    value: shown(r.totals.newSignals.byCategory[c]),
  })).filter((x) => x.value !== '0');
  return {
    title: DT.regionTitle(region),
    intro: DT.regionIntro(r.schoolCount),
    period: DT.regionPeriod,
    totalsTitle: DT.regionTotals,
    totals: figureFacts(r.totals),
    byCategory: DT.byCategory,
    hasCategories: categories.length > 0,
    categories,
    schoolsTitle: DT.regionSchools,
    schools: r.schools.map((s) => ({
      name: s.schoolName,
      shown: s.shownInDetail,
      facts: s.figures ? figureFacts(s.figures) : [],
      hidden: DT.regionHidden,
    })),
  };
}
