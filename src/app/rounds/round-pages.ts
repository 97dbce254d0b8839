import { schoolYearStartOf } from '../../domain/calendar-date';
import { localDate } from '../../domain/amsterdam-time';
import {
  defaultRoundWindows,
  parseRoundId,
  progress,
  roundId as makeRoundId,
  type ProgressCount,
  type RoundWindow,
} from '../../domain/rounds';
import { schoolClosedDays, type ClosedDaysSource } from '../../domain/school-closed-days';
import type { PupilRecord, StaffRecord } from '../core/ports';
import type { RoundPageRecord } from './round-ports';

/**
 * How a school's roster becomes the pages of the registration form (S7), and what counts as
 * done. Pure: the use cases and views call these with what they loaded.
 *
 * Who fills in which class: both prevention workers of the duo get every class, and a page
 * counts as done when either of them saved it. A school that splits the work lists classes on
 * a prevention worker's staff record (the roster's `klassen` column); that worker then gets
 * (and is reminded about) only those classes.
 */
export const ROUND_PAGE_SIZE = 25;
/** Rounds shown in a trend: the current one and the two before it ('1 → 2 → 2'). */
export const TREND_ROUNDS = 3;

export interface ClassPage {
  classId: string;
  className: string;
  /** 0-based page within the class */
  page: number;
  pages: number;
  pupils: PupilRecord[];
}

export const pageKey = (classId: string, page: number): string => `${classId}#${page}`;

const byName = (a: PupilRecord, b: PupilRecord) =>
  a.lastName.localeCompare(b.lastName, 'nl') ||
  a.firstName.localeCompare(b.firstName, 'nl') ||
  a.id.localeCompare(b.id);

/** Every page of every class: pupils still at school, by name, at most 25 a page; classes by name. */
export function classPages(pupils: readonly PupilRecord[], now: Date, pageSize = ROUND_PAGE_SIZE): ClassPage[] {
  const at = now.toISOString();
  const byClass = new Map<string, PupilRecord[]>();
  for (const p of pupils) {
    if (p.leftAt && p.leftAt <= at) continue;
    byClass.set(p.classId, [...(byClass.get(p.classId) ?? []), p]);
  }
  const out: ClassPage[] = [];
  const classes = [...byClass.entries()].sort(([, a], [, b]) =>
    a[0].className.localeCompare(b[0].className, 'nl', { numeric: true }),
  );
  for (const [classId, list] of classes) {
    const sorted = [...list].sort(byName);
    const pages = Math.ceil(sorted.length / pageSize);
    for (let page = 0; page < pages; page++) {
      out.push({
        classId,
        className: sorted[0].className,
        page,
        pages,
        pupils: sorted.slice(page * pageSize, (page + 1) * pageSize),
      });
    }
  }
  return out;
}

export const activePreventionWorkers = (staff: readonly StaffRecord[]): StaffRecord[] =>
  staff.filter((s) => !s.leftAt && s.roles.includes('preventionWorker'));

/** The classes a prevention worker fills in: those on their staff record, or every class (the duo). */
export function classesOf(worker: Pick<StaffRecord, 'classIds'>, allClassIds: readonly string[]): string[] {
  const own = allClassIds.filter((c) => worker.classIds.includes(c));
  return own.length > 0 ? own : [...allClassIds];
}

export interface RoundProgressView {
  perClass: Array<{ classId: string; className: string } & ProgressCount>;
  /** `savedBySelf`: pupils on pages this worker saved (the duo shares classes: `done` counts either's) */
  perWorker: Array<{ workerId: string; name: string; pagesLeft: number; savedBySelf: number } & ProgressCount>;
  overall: ProgressCount;
  pagesDone: Set<string>;
}

/** Pupils on saved pages out of all pupils, per class and per prevention worker (over their classes). */
export function roundProgress(
  pages: readonly ClassPage[],
  saved: readonly RoundPageRecord[],
  workers: readonly StaffRecord[],
): RoundProgressView {
  const pagesDone = new Set(saved.map((p) => pageKey(p.classId, p.page)));
  const savedByWorker = new Map(saved.map((p) => [pageKey(p.classId, p.page), p.savedBy]));
  const entry = (p: ClassPage, workerId: string) => ({
    workerId,
    classId: p.classId,
    total: p.pupils.length,
    done: pagesDone.has(pageKey(p.classId, p.page)) ? p.pupils.length : 0,
  });
  const all = progress(pages.map((p) => entry(p, '')));
  const classIds = [...new Set(pages.map((p) => p.classId))];
  const perWorker = workers.map((w) => {
    const mine = new Set(classesOf(w, classIds));
    const own = pages.filter((p) => mine.has(p.classId));
    const counted = progress(own.map((p) => entry(p, w.userId)));
    const savedBySelf = pages
      .filter((p) => savedByWorker.get(pageKey(p.classId, p.page)) === w.userId)
      .reduce((n, p) => n + p.pupils.length, 0);
    return {
      workerId: w.userId,
      name: w.displayName,
      pagesLeft: own.filter((p) => !pagesDone.has(pageKey(p.classId, p.page))).length,
      savedBySelf,
      ...counted.overall,
    };
  });
  const classNames = new Map(pages.map((p) => [p.classId, p.className]));
  return {
    perClass: all.perClass
      .map((c) => ({ ...c, className: classNames.get(c.classId) ?? c.classId }))
      .sort((a, b) => a.className.localeCompare(b.className, 'nl', { numeric: true })),
    perWorker,
    overall: all.overall,
    pagesDone,
  };
}

/** The round before this one ('2026-1' → '2025-4'). */
export function previousRoundId(id: string): string | undefined {
  const r = parseRoundId(id);
  if (!r) return undefined;
  return r.roundNo === 1 ? makeRoundId(r.schoolYearStart - 1, 4) : makeRoundId(r.schoolYearStart, r.roundNo - 1);
}

/** This round and the ones before it, oldest first. */
export function recentRoundIds(id: string, count = TREND_ROUNDS): string[] {
  const out = [id];
  while (out.length < count) {
    const prev = previousRoundId(out[0]);
    if (!prev) break;
    out.unshift(prev);
  }
  return out;
}

/** A school's round windows for the school year containing `now` (its own dates, else the defaults). */
export function roundWindowsAt(
  school: ClosedDaysSource & {
    roundWindows?: Record<string, Array<{ roundNo: number; opensOn: string; deadline: string }>>;
  },
  now: Date,
): RoundWindow[] {
  const year = schoolYearStartOf(localDate(now));
  const own = school.roundWindows?.[String(year)];
  return own && own.length > 0 ? (own as RoundWindow[]) : defaultRoundWindows(year, schoolClosedDays(school));
}
