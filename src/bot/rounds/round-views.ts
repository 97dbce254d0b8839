import type { ClassPage, RoundProgressView } from '../../app/rounds/round-pages';
import { pageKey } from '../../app/rounds/round-pages';
import type { RoundPageRecord, RoundRecord } from '../../app/rounds/round-ports';
import type { Level } from '../../domain/signal';
import type { RoleNames } from '../../domain/role-labels';
import { renderCard, type CardJson } from '../core/render-card';
import { ROUND_LEVEL_CHOICES, RT } from './round-texts';
import { pupilName } from '../core/pupil-label';
import { literal } from '../core/literal-text';

/** Longest note on a form: 25 pupils with full notes stay inside Teams' 28 KB (see the card test). */
export const ROUND_NOTE_MAX = 300;
/** Rows of classes on one overview card (pages still open first). */
export const OVERVIEW_ROWS_MAX = 40;

export const levelInputId = (pupilId: string) => `level:${pupilId}`;
export const noteInputId = (pupilId: string) => `note:${pupilId}`;

export interface FormValues {
  level: Record<string, string>;
  note: Record<string, string>;
}

/** One page of the registration form: fresh (defaults to last round's score), saved, or re-drawn with errors. */
export function roundFormCard(args: {
  round: RoundRecord;
  classPage: ClassPage;
  previous: Map<string, Level>;
  saved?: RoundPageRecord;
  values?: FormValues;
  errors?: Record<string, string>;
  notice?: string;
  version?: string;
}): CardJson {
  const { round, classPage, previous, saved } = args;
  const savedBy = new Map((saved?.scores ?? []).map((s) => [s.pupilId, s]));
  return renderCard('round-form', {
    title: RT.formTitle(literal(classPage.className), classPage.page, classPage.pages),
    intro: RT.formIntro(round.roundNo, round.deadline),
    notice: args.notice ?? '',
    schoolId: round.schoolId,
    roundId: round.roundId,
    classId: classPage.classId,
    page: classPage.page,
    v: args.version ?? saved?.savedAt ?? '',
    levelRequired: RT.levelRequired,
    notePlaceholder: RT.notePlaceholder,
    noteMax: ROUND_NOTE_MAX,
    saveLabel: RT.save,
    overviewLabel: RT.overview,
    levelChoices: ROUND_LEVEL_CHOICES,
    pupils: classPage.pupils.map((p) => ({
      name: pupilName(p),
      previous: RT.previous(previous.get(p.id)),
      levelId: levelInputId(p.id),
      noteId: noteInputId(p.id),
      level: args.values?.level[p.id] ?? String(savedBy.get(p.id)?.level ?? previous.get(p.id) ?? ''),
      note: (args.values?.note[p.id] ?? savedBy.get(p.id)?.note ?? '').slice(0, ROUND_NOTE_MAX),
      error: args.errors?.[p.id] ?? '',
    })),
  });
}

const levelTitle = (l: number) => ROUND_LEVEL_CHOICES.find((c) => c.value === String(l))?.title ?? String(l);

/** The saved state of a page, with the one-click offers and the way on (edit, next class, overview). */
export function roundSavedCard(args: {
  round: RoundRecord;
  classPage: ClassPage;
  saved: RoundPageRecord;
  savedByName: string;
  previous: Map<string, Level>;
  offers: string[];
  next?: { classId: string; page: number };
  message?: string;
}): CardJson {
  const { round, classPage, saved } = args;
  const names = new Map(classPage.pupils.map((p) => [p.id, pupilName(p)]));
  const editable = round.status === 'open' || saved.late;
  return renderCard('round-page-saved', {
    title: RT.savedTitle(literal(classPage.className), classPage.page, classPage.pages),
    status: RT.savedStatus(literal(args.savedByName), saved.savedAt),
    late: saved.late ? RT.savedLate : '',
    message: args.message ?? '',
    offerIntro: RT.offerIntro,
    offerSignalLabel: RT.offerSignal,
    offerEscalateLabel: RT.offerEscalate,
    offers: args.offers.map((pupilId) => ({
      line: RT.offerLine(
        names.get(pupilId) ?? pupilId,
        args.previous.get(pupilId),
        saved.scores.find((s) => s.pupilId === pupilId)?.level ?? 3,
      ),
      schoolId: round.schoolId,
      roundId: round.roundId,
      pupilId,
    })),
    rows: saved.scores.map((s) => ({
      name: names.get(s.pupilId) ?? s.pupilId,
      level: levelTitle(s.level),
      note: literal(s.note ?? ''),
    })),
    footer: editable ? RT.savedEditable : RT.savedLocked,
    canEdit: editable,
    hasNext: !!args.next,
    next: args.next ?? { classId: '', page: 0 },
    editLabel: RT.edit,
    nextLabel: RT.next,
    overviewLabel: RT.overview,
    schoolId: round.schoolId,
    roundId: round.roundId,
    classId: classPage.classId,
    page: classPage.page,
  });
}

const pct = (c: { done: number; total: number; percent: number }) => `${RT.count(c.done, c.total)} (${c.percent}%)`;

/**
 * The round overview: progress per class and per prevention worker, deadline, flagged pupils'
 * trends; for a prevention worker an Open button on each of their class pages (open pages first).
 */
export function roundOverviewCard(args: {
  round: RoundRecord;
  intro: string;
  title?: string;
  deadlineLine: string;
  pages: ClassPage[];
  progress: RoundProgressView;
  openable?: Set<string>;
  flagged: Array<{ name: string; trend: string }>;
  showFlagged: boolean;
  /** the school's role words */
  names?: RoleNames;
}): CardJson {
  const { round, progress } = args;
  const rows = args.pages.map((p) => {
    const done = progress.pagesDone.has(pageKey(p.classId, p.page));
    return {
      label: RT.className(literal(p.className), p.page, p.pages),
      count: `${RT.count(done ? p.pupils.length : 0, p.pupils.length)}${done ? ` ${RT.done}` : ''}`,
      color: done ? 'Good' : 'Default',
      canOpen: !!args.openable?.has(p.classId),
      classId: p.classId,
      page: p.page,
      done,
    };
  });
  const ordered = args.openable ? [...rows.filter((r) => !r.done), ...rows.filter((r) => r.done)] : rows;
  const shown = ordered.slice(0, OVERVIEW_ROWS_MAX);
  const flaggedShown = args.flagged.slice(0, 20);
  const hidden = ordered.length - shown.length;
  return renderCard('round-overview', {
    title: args.title ?? RT.overviewTitle(round.roundNo),
    intro: args.intro,
    deadline: args.deadlineLine,
    overallLabel: RT.overall,
    overall: pct(progress.overall),
    perClassLabel: RT.perClass,
    perWorkerLabel: RT.perWorker(args.names),
    openLabel: RT.open,
    schoolId: round.schoolId,
    roundId: round.roundId,
    classes: shown,
    workers: progress.perWorker.map((w) => ({
      name: literal(w.name),
      count: w.savedBySelf === w.done ? pct(w) : RT.workerSavedBySelf(pct(w), w.savedBySelf),
    })),
    showFlagged: args.showFlagged,
    flaggedLabel: RT.flagged,
    flagged: args.showFlagged ? flaggedShown : [],
    flaggedNote: [
      args.showFlagged && args.flagged.length === 0 ? RT.noFlagged : '',
      args.flagged.length > flaggedShown.length ? RT.flaggedMore(args.flagged.length - flaggedShown.length) : '',
      hidden > 0 ? RT.rowsHidden(hidden) : '',
    ]
      .filter(Boolean)
      .join(' '),
  });
}
