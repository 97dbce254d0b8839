import { loadRosterIntoStore } from './app/roster/load-roster';
import { log } from './log';
import type { Repositories } from './store';
import { RosterRepository } from './store/roster-repository';

/** Loads the demo roster CSVs through the same import real schools use (`npm run roster:import`). */
export async function loadDemoRoster(
  repos: Repositories,
  schoolId: string,
  pupilsCsv: string,
  staffCsv: string,
  now: Date,
): Promise<void> {
  const report = await loadRosterIntoStore(
    { directory: repos.directory, roster: RosterRepository.on(repos.cosmos) },
    schoolId,
    pupilsCsv,
    staffCsv,
    now,
  );
  if (report.outcome !== 'imported') {
    log.error('demo.roster_not_imported', { schoolId, outcome: report.outcome });
    throw new Error(`Demo roster was not imported (${report.outcome})`);
  }
  repos.directory.invalidatePupils(schoolId);
  log.info('demo.roster_imported', { schoolId, written: (report as { written?: number }).written ?? 0 });
}
