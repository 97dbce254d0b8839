import type { RoundCloseSummary } from '../../app/rounds/round-close-summary';
import { pageKey } from '../../app/rounds/round-pages';
import type { RoleNames } from '../../domain/role-labels';
import { renderCard, type CardJson } from '../core/render-card';
import { RT } from './round-texts';
import { pupilLabel } from '../core/pupil-label';
import { literal } from '../core/literal-text';

const pct = (c: { done: number; total: number; percent: number }) => `${RT.count(c.done, c.total)} (${c.percent}%)`;
const ROWS_MAX = 40;

/** The coordinator's closing summary of a round (personal chat: names of flagged pupils are allowed here). */
export function roundClosedCard(s: RoundCloseSummary, names?: RoleNames): CardJson {
  const { round, progress, pages } = s.overview;
  const late = new Set(s.latePages.map((p) => pageKey(p.classId, p.page)));
  const classes = pages.map((p) => {
    const key = pageKey(p.classId, p.page);
    const done = progress.pagesDone.has(key);
    const count = RT.count(done ? p.pupils.length : 0, p.pupils.length);
    const label = RT.className(literal(p.className), p.page, p.pages);
    if (!done) return { label, count: `${count} ${RT.notHandedIn}`, color: 'Attention', order: 0 };
    if (late.has(key)) return { label, count: `${count} ${RT.late}`, color: 'Warning', order: 1 };
    return { label, count: `${count} ${RT.done}`, color: 'Good', order: 2 };
  });
  const shown = [...classes].sort((a, b) => a.order - b.order).slice(0, ROWS_MAX);
  const flagged = s.flaggedWithoutSignal.slice(0, 20);
  return renderCard('round-closed', {
    title: RT.closedTitle(round.roundNo),
    intro: RT.closedIntro(round.deadline, progress.overall.done, progress.overall.total, s.missingPages.length),
    overallLabel: RT.overall,
    overall: pct(progress.overall),
    flaggedLabel: RT.closedFlagged(s.flaggedWithoutSignal.length),
    flaggedColor: s.flaggedWithoutSignal.length > 0 ? 'Attention' : 'Default',
    flagged: flagged.map((f) => ({ name: pupilLabel(f.pupil), trend: f.trend })),
    flaggedNote: [
      s.flaggedWithoutSignal.length > 0 ? RT.closedFlaggedHint(names) : RT.closedNoFlagged,
      s.flaggedWithoutSignal.length > flagged.length
        ? RT.flaggedMore(s.flaggedWithoutSignal.length - flagged.length)
        : '',
    ]
      .filter(Boolean)
      .join(' '),
    perClassLabel: RT.perClass,
    classes: shown.map(({ order: _o, ...c }) => c),
    perWorkerLabel: RT.perWorker(names),
    workers: progress.perWorker.map((w) => ({
      name: w.name,
      count: RT.workerLeft(
        w.savedBySelf === w.done ? pct(w) : RT.workerSavedBySelf(pct(w), w.savedBySelf),
        w.pagesLeft,
      ),
    })),
    lateLabel: RT.lateLabel,
    late: s.latePages.slice(0, 20).map((p) => ({
      label: RT.className(literal(p.className), p.page, pages.find((x) => x.classId === p.classId)?.pages ?? 1),
      detail: RT.lateDetail(literal(p.savedByName), p.savedAt),
    })),
    noLate: RT.noLate,
    footer: [classes.length > shown.length ? RT.rowsHidden(classes.length - shown.length) : '', RT.closedFooter]
      .filter(Boolean)
      .join(' '),
  });
}
