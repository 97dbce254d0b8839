import type { AppPorts, PupilRecord, StaffRecord } from '../core/ports';
import { pageKey } from './round-pages';
import { loadRoundOverview, type RoundOverview } from './round-overview';
import type { RoundPageRecord, RoundPort } from './round-ports';

/**
 * What a coordinator hears when a round closes (S7 + S8 "round completion per prevention
 * worker"): done/total per class and per prevention worker (from the overview), the pages not
 * handed in (they still count, as late), the pages saved late, and the pupils scored 3 (or risen
 * by two) about whom no signal is open: the ones that could slip through.
 */
export interface RoundCloseSummary {
  overview: RoundOverview;
  missingPages: Array<{ classId: string; className: string; page: number; pages: number }>;
  latePages: Array<RoundPageRecord & { savedByName: string }>;
  flaggedWithoutSignal: Array<{ pupil: PupilRecord; trend: string }>;
}

export async function loadRoundCloseSummary(
  ports: AppPorts,
  rounds: RoundPort,
  schoolId: string,
  roundId: string,
): Promise<RoundCloseSummary | undefined> {
  const overview = await loadRoundOverview(ports, rounds, schoolId, roundId);
  if (!overview) return undefined;
  const names = new Map(overview.staff.map((s: StaffRecord) => [s.userId, s.displayName]));
  const missingPages = overview.pages
    .filter((p) => !overview.progress.pagesDone.has(pageKey(p.classId, p.page)))
    .map((p) => ({ classId: p.classId, className: p.className, page: p.page, pages: p.pages }));
  const latePages = overview.saved
    .filter((p) => p.late)
    .sort((a, b) => a.className.localeCompare(b.className, 'nl', { numeric: true }) || a.page - b.page)
    .map((p) => ({ ...p, savedByName: names.get(p.savedBy) ?? '—' }));
  const withSignal = new Set(
    (overview.flagged.length ? await ports.signals.listOpen(schoolId) : []).map((s) => s.pupilId),
  );
  const flaggedWithoutSignal = overview.flagged.filter((f) => !withSignal.has(f.pupil.id));
  return { overview, missingPages, latePages, flaggedWithoutSignal };
}

/** The coordinators who get the closing summary: active staff with the coordinator role. */
export const activeCoordinators = (staff: readonly StaffRecord[]): StaffRecord[] =>
  staff.filter((s) => !s.leftAt && s.roles.includes('coordinator'));
