import { atLocalTime } from '../../domain/amsterdam-time';
import { shouldOffer, trend } from '../../domain/rounds';
import { schoolClosedDays } from '../../domain/school-closed-days';
import { schoolDaysBetween } from '../../domain/school-days';
import type { Level } from '../../domain/signal';
import type { AppPorts, PupilRecord, StaffRecord } from '../core/ports';
import {
  activePreventionWorkers,
  classPages,
  classesOf,
  recentRoundIds,
  roundProgress,
  type ClassPage,
  type RoundProgressView,
} from './round-pages';
import type { RoundPageRecord, RoundPort, RoundRecord } from './round-ports';

export interface RoundOverview {
  round: RoundRecord;
  pages: ClassPage[];
  saved: RoundPageRecord[];
  progress: RoundProgressView;
  workers: StaffRecord[];
  staff: StaffRecord[];
  schoolDaysLeft: number;
  /** pupils scored 3 or risen by two this round, with their trend over the recent rounds */
  flagged: Array<{ pupil: PupilRecord; trend: string }>;
}

/** The state of one round (default: the school's latest) for `/ronde`, the overview cards and reminders. */
export async function loadRoundOverview(
  ports: AppPorts,
  rounds: RoundPort,
  schoolId: string,
  roundId?: string,
): Promise<RoundOverview | undefined> {
  const round = roundId ? (await rounds.getRound(schoolId, roundId))?.doc : (await rounds.listRounds(schoolId, 1))[0];
  if (!round) return undefined;
  const now = ports.clock.now();
  const [pupils, staff, saved, school] = await Promise.all([
    ports.directory.listPupils(schoolId),
    ports.directory.listStaff(schoolId),
    rounds.listPages(schoolId, round.roundId),
    ports.directory.getSchool(schoolId),
  ]);
  const pages = classPages(pupils, now);
  const workers = activePreventionWorkers(staff);
  const progress = roundProgress(pages, saved, workers);
  const current = new Map<string, Level>();
  for (const p of saved) for (const s of p.scores) current.set(s.pupilId, s.level);
  const candidates = [...current.entries()].filter(([, l]) => l >= 2).map(([id]) => id);
  const earlier = recentRoundIds(round.roundId).slice(0, -1);
  const history = candidates.length ? await rounds.scoresOf(schoolId, earlier, candidates) : [];
  const byPupil = new Map(pupils.map((p) => [p.id, p]));
  const flagged = candidates
    .map((id) => {
      const levels = earlier
        .map((r) => history.find((h) => h.pupilId === id && h.roundId === r)?.level)
        .filter((l): l is Level => l !== undefined);
      const level = current.get(id)!;
      return {
        id,
        level,
        levels: [...levels, level],
        previous: history.find((h) => h.pupilId === id && h.roundId === earlier[earlier.length - 1])?.level,
      };
    })
    .filter((x) => shouldOffer(x.level, x.previous) && byPupil.has(x.id))
    .map((x) => ({ pupil: byPupil.get(x.id)!, trend: trend(x.levels) }))
    .sort(
      (a, b) =>
        a.pupil.className.localeCompare(b.pupil.className, 'nl', { numeric: true }) ||
        a.pupil.lastName.localeCompare(b.pupil.lastName, 'nl'),
    );
  const schoolDaysLeft = schoolDaysBetween(now, atLocalTime(round.deadline, 12), schoolClosedDays(school?.doc ?? {}));
  return { round, pages, saved, progress, workers, staff, schoolDaysLeft, flagged };
}

/** The class ids a prevention worker may open (all when the school does not split classes). */
export const openableFor = (worker: StaffRecord, pages: readonly ClassPage[]): Set<string> =>
  new Set(classesOf(worker, [...new Set(pages.map((p) => p.classId))]));

/**
 * A pupil's trend over the recent rounds ('1 → 2 → 2'), or undefined without any score. Shown on
 * signal cards, so it uses the repository's display reads (a score saved on another instance
 * shows within seconds).
 */
export async function pupilTrend(rounds: RoundPort, schoolId: string, pupilId: string): Promise<string | undefined> {
  const latest = await rounds.latestRoundForDisplay(schoolId);
  if (!latest) return undefined;
  const ids = recentRoundIds(latest.roundId);
  const scores = await rounds.scoresOfPupilForDisplay(schoolId, ids, pupilId);
  const levels = ids.map((r) => scores.find((s) => s.roundId === r)?.level).filter((l): l is Level => l !== undefined);
  return levels.length ? trend(levels) : undefined;
}
