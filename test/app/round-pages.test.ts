import {
  classPages,
  classesOf,
  previousRoundId,
  recentRoundIds,
  roundProgress,
  roundWindowsAt,
  ROUND_PAGE_SIZE,
} from '../../src/app/rounds/round-pages';
import type { PupilRecord, StaffRecord } from '../../src/app/core/ports';

const now = new Date('2026-12-01T10:00:00Z');
const pupil = (n: number, className: string, extra: Partial<PupilRecord> = {}): PupilRecord => ({
  id: `pupil:${n}`,
  schoolId: 's',
  pupilNumber: String(n),
  firstName: `V${n}`,
  lastName: `A${String(n).padStart(3, '0')}`,
  classId: className.toLowerCase(),
  className,
  ...extra,
});
const worker = (userId: string, classIds: string[] = []): StaffRecord => ({
  schoolId: 's',
  userId,
  displayName: userId,
  roles: ['preventionWorker'],
  classIds,
});

describe('round pages', () => {
  it('splits a class of 60 into pages of at most 25 pupils, by name, and leaves out pupils who left', () => {
    const pupils = [
      ...Array.from({ length: 60 }, (_, i) => pupil(i, '2B')),
      pupil(99, '1A'),
      pupil(100, '1A', { leftAt: '2026-11-01T00:00:00Z' }),
    ];
    const pages = classPages(pupils, now);
    expect(pages.map((p) => [p.className, p.page, p.pages, p.pupils.length])).toEqual([
      ['1A', 0, 1, 1],
      ['2B', 0, 3, 25],
      ['2B', 1, 3, 25],
      ['2B', 2, 3, 10],
    ]);
    expect(pages[1].pupils[0].lastName).toBe('A000');
    expect(ROUND_PAGE_SIZE).toBe(25);
  });

  it('gives both workers of the duo every class unless a worker has classes of their own', () => {
    expect(classesOf(worker('a'), ['1a', '2b'])).toEqual(['1a', '2b']);
    expect(classesOf(worker('b', ['2b']), ['1a', '2b'])).toEqual(['2b']);
  });

  it('counts a page done when either worker saved it, per class and per worker over their classes', () => {
    const pages = classPages([pupil(1, '1A'), pupil(2, '1A'), pupil(3, '2B')], now);
    const saved = [
      {
        schoolId: 's',
        roundId: '2026-2',
        classId: '1a',
        className: '1A',
        page: 0,
        savedBy: 'b',
        savedAt: '',
        late: false,
        scores: [],
      },
    ];
    const p = roundProgress(pages, saved, [worker('a'), worker('b', ['1a'])]);
    expect(p.overall).toMatchObject({ done: 2, total: 3 });
    expect(p.perClass.map((c) => [c.className, c.done, c.total])).toEqual([
      ['1A', 2, 2],
      ['2B', 0, 1],
    ]);
    expect(p.perWorker.map((w) => [w.workerId, w.done, w.total, w.pagesLeft])).toEqual([
      ['a', 2, 3, 1],
      ['b', 2, 2, 0],
    ]);
  });

  it('tells per worker how many pupils they saved themselves, apart from the pages their duo partner saved', () => {
    const pages = classPages([pupil(1, '1A'), pupil(2, '1A'), pupil(3, '2B')], now);
    const saved = [
      {
        schoolId: 's',
        roundId: '2026-2',
        classId: '1a',
        className: '1A',
        page: 0,
        savedBy: 'b',
        savedAt: '',
        late: false,
        scores: [],
      },
      {
        schoolId: 's',
        roundId: '2026-2',
        classId: '2b',
        className: '2B',
        page: 0,
        savedBy: 'a',
        savedAt: '',
        late: false,
        scores: [],
      },
    ];
    const p = roundProgress(pages, saved, [worker('a'), worker('b')]);
    expect(p.perWorker.map((w) => [w.workerId, w.done, w.savedBySelf])).toEqual([
      ['a', 3, 1],
      ['b', 3, 2],
    ]);
  });

  it('knows the round before a round across the school-year boundary, and the recent rounds for a trend', () => {
    expect(previousRoundId('2026-1')).toBe('2025-4');
    expect(previousRoundId('2026-3')).toBe('2026-2');
    expect(recentRoundIds('2026-2')).toEqual(['2025-4', '2026-1', '2026-2']);
  });

  it('uses the school’s own round dates for the school year, else the defaults', () => {
    const own = [{ roundNo: 1, opensOn: '2026-09-14', deadline: '2026-09-25' }];
    expect(roundWindowsAt({ roundWindows: { '2026': own } }, now)).toEqual(own);
    expect(roundWindowsAt({}, now)).toHaveLength(4);
  });
});
