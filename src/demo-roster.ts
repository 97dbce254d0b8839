import type { Repositories } from './store';

/** Loads the demo roster CSVs (the shipped demo files; real schools use `npm run roster:import`). */
export async function loadDemoRoster(repos: Repositories, schoolId: string, pupilsCsv: string, staffCsv: string, now: Date): Promise<void> {
  // TEMPORARY until the roster import module lands: then this file delegates to it entirely.
  const modulePath = './app/roster/load-roster';
  let loadRosterIntoStore: ((...a: unknown[]) => Promise<unknown>) | undefined;
  try {
    loadRosterIntoStore = require(modulePath).loadRosterIntoStore; // eslint-disable-line @typescript-eslint/no-require-imports
  } catch {
    loadRosterIntoStore = undefined;
  }
  if (loadRosterIntoStore) {
    await loadRosterIntoStore(repos as never, schoolId, pupilsCsv, staffCsv, now);
    return;
  }
  const table = (csv: string) => {
    const [head, ...lines] = csv.replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
    const cols = head.split(';');
    return lines.map((l) => Object.fromEntries(l.split(';').map((v, i) => [cols[i], v.trim()])));
  };
  const ROLE: Record<string, string> = { docent: 'teacher', mentor: 'mentor', preventiewerker: 'preventionWorker', zorgcoordinator: 'coordinator', ot: 'supportTeam', leerplichtambtenaar: 'attendanceOfficer', beheerder: 'admin', projectleider: 'projectLead' };
  const staff = table(staffCsv);
  const byUpn = new Map<string, string>();
  for (const s of staff) {
    byUpn.set(s.upn, s.entra_id);
    await repos.directory.upsertStaff({
      id: `staff:${s.entra_id}`, type: 'staff', schoolId, userId: s.entra_id, upn: s.upn, displayName: s.naam,
      roles: s.rollen.split(/[|,]/).map((r) => ROLE[r.trim()]).filter(Boolean) as never,
      classIds: (s.klassen ?? '').split(/[|,]/).filter(Boolean).map((c) => c.toLowerCase()),
    });
  }
  for (const p of table(pupilsCsv)) {
    await repos.directory.upsertPupil({
      id: `pupil:${p.leerlingnummer}`, type: 'pupil', schoolId, pupilNumber: p.leerlingnummer, firstName: p.voornaam,
      lastNamePrefix: p.tussenvoegsel || undefined, lastName: p.achternaam, classId: p.klas.toLowerCase(), className: p.klas,
      mentorId: byUpn.get(p.mentor_upn), updatedAt: now.toISOString(),
    });
  }
}
