import type { CsvSource } from './csv-reader';
import { directoryRosterPort, type DirectoryRosterAccess } from './directory-roster-port';
import { importRoster, type RosterImportReport, type WriteProgress } from './import-roster';
import { parsePupilsCsv, parseStaffCsv, type RosterIssue } from './parse-roster';
import type { RosterPort } from './roster-port';

/**
 * What `loadRosterIntoStore` needs: the `Repositories` of `src/store` fit as they are
 * (`directory`). Give `roster` (a `RosterRepository`) for batched, ETag-guarded writes.
 */
export interface RosterRepos {
  directory: DirectoryRosterAccess;
  roster?: RosterPort;
}

export interface LoadRosterOptions {
  allowPartial?: boolean;
  dryRun?: boolean;
  onProgress?: (p: WriteProgress) => void;
}

/**
 * Parses a pupils and a staff CSV and imports them into a school, as the bot does for the demo
 * school at start-up. Same rules as the command line: a file with rejected rows imports nothing
 * unless `allowPartial`; a re-import updates in place and marks leavers. Returns the report
 * (check `outcome`); throws only when the store fails.
 */
export async function loadRosterIntoStore(
  repos: RosterRepos,
  schoolId: string,
  pupilsCsv: CsvSource,
  staffCsv: CsvSource,
  now: Date,
  opts: LoadRosterOptions = {},
): Promise<RosterImportReport> {
  const [pupils, staff] = await Promise.all([
    parsePupilsCsv(pupilsCsv, { fileName: 'leerlingen' }),
    parseStaffCsv(staffCsv, { fileName: 'personeel' }),
  ]);
  const unusable: RosterIssue[] = [];
  if (pupils.kind === 'unknown') unusable.push(...pupils.fileErrors);
  if (staff.kind === 'unknown') unusable.push(...staff.fileErrors);
  const report = await importRoster(repos.roster ?? directoryRosterPort(repos.directory), {
    schoolId,
    pupils: pupils.kind === 'unknown' ? undefined : pupils,
    staff: staff.kind === 'unknown' ? undefined : staff,
    unusable,
    now,
    ...opts,
  });
  repos.directory.invalidatePupils(schoolId);
  return report;
}
