import { levelCounts, type ProgressPage } from '../../domain/round-scores';
import type { DirectoryPort } from '../core/ports';
import type { RoundPort } from '../rounds/round-ports';
import { activePreventionWorkers, classPages, classesOf, pageKey } from '../rounds/round-pages';
import type { RoundFigures, RoundFiguresPort } from './digest-ports';

/**
 * Round completion per prevention worker and the 1-2-3 distribution for the digest, from the
 * rounds capability's store: the newest round (current or last) and the one before it, and their
 * saved pages — never older rounds. A page counts for every worker who has its class, as in `/ronde`.
 */
export function roundFiguresFrom(
  rounds: Pick<RoundPort, 'listRounds' | 'listPages'>,
  directory: Pick<DirectoryPort, 'listPupils' | 'listStaff'>,
): RoundFiguresPort {
  return {
    async figures(schoolId, now) {
      const [current, previous] = await rounds.listRounds(schoolId, 2);
      if (!current) return 'no-round-data';
      const [saved, before, pupils, staff] = await Promise.all([
        rounds.listPages(schoolId, current.roundId),
        previous ? rounds.listPages(schoolId, previous.roundId) : Promise.resolve([]),
        directory.listPupils(schoolId),
        directory.listStaff(schoolId),
      ]);
      const pages = classPages(pupils, now);
      const done = new Set(saved.map((p) => pageKey(p.classId, p.page)));
      const classIds = [...new Set(pages.map((p) => p.classId))];
      const progressPages: ProgressPage[] = activePreventionWorkers(staff).flatMap((w) => {
        const mine = new Set(classesOf(w, classIds));
        return pages
          .filter((p) => mine.has(p.classId))
          .map((p) => ({
            workerId: w.userId,
            classId: p.classId,
            total: p.pupils.length,
            done: done.has(pageKey(p.classId, p.page)) ? p.pupils.length : 0,
          }));
      });
      const figures: RoundFigures = {
        pages: progressPages,
        distribution: {
          current: levelCounts(saved.flatMap((p) => p.scores.map((s) => s.level))),
          ...(previous ? { previous: levelCounts(before.flatMap((p) => p.scores.map((s) => s.level))) } : {}),
        },
      };
      return figures;
    },
  };
}
