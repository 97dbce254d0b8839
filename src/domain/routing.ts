import type { Role } from './roles';
import type { PupilRef, Signal } from './signal';
import { workersAtWork } from './staff-leave';

export interface SchoolRoutingPolicy {
  notifyAttendanceOfficer: boolean;
  /** today in Europe/Amsterdam ('YYYY-MM-DD'): a prevention worker away today is skipped for her duo partner */
  today?: string;
}

export interface StaffMember {
  userId: string;
  schoolId: string;
  roles: Role[];
  displayName: string;
  upn?: string;
  classIds?: string[];
  /** away up to and including `until` (issue 16) */
  leave?: { until: string };
}

export interface Routing {
  preventionWorkers: string[];
  mentor?: string;
  coordinators: string[];
  attendanceOfficers: string[];
  duoAbsenceReminder: boolean;
  /** Added: no prevention worker at the school, so the coordinators are told instead (S4: never nowhere). */
  noPreventionWorker: boolean;
}

/**
 * Who hears of a new signal (S4). Only staff of the signal's own school are considered.
 * - prevention workers: all of them (the duo), including a reporter who is one; one away today
 *   (StaffLeave) is left out for her partner, unless every one of them is away;
 * - mentor: the pupil's mentor, if on the school's staff and not the reporter;
 * - coordinators: at level 3 at once; also whenever the school has no prevention worker;
 * - attendance officers: for 'verzuim' when the school turned that on;
 * - DUO absence reminder: for 'verzuim'.
 * The reporter is never told about their own signal as mentor, coordinator or attendance officer.
 */
export function routeNewSignal(
  signal: Signal,
  pupil: PupilRef,
  staff: StaffMember[],
  policy: SchoolRoutingPolicy,
): Routing {
  const ours = staff.filter((s) => s.schoolId === signal.schoolId);
  const withRole = (role: Role) => unique(ours.filter((s) => s.roles.includes(role)).map((s) => s.userId));
  const notReporter = (ids: string[]) => ids.filter((id) => id !== signal.reporterId);

  const allWorkers = withRole('preventionWorker');
  const noPreventionWorker = allWorkers.length === 0;
  const preventionWorkers = policy.today === undefined ? allWorkers : unique(workersAtWork(ours, policy.today));
  const verzuim = signal.categories.includes('verzuim');
  const mentorOnStaff = pupil.mentorId !== undefined && ours.some((s) => s.userId === pupil.mentorId);
  const mentor = mentorOnStaff && pupil.mentorId !== signal.reporterId ? pupil.mentorId : undefined;

  return {
    preventionWorkers,
    ...(mentor !== undefined ? { mentor } : {}),
    coordinators: signal.reporterLevel === 3 || noPreventionWorker ? notReporter(withRole('coordinator')) : [],
    attendanceOfficers: verzuim && policy.notifyAttendanceOfficer ? notReporter(withRole('attendanceOfficer')) : [],
    duoAbsenceReminder: verzuim,
    noPreventionWorker,
  };
}

const unique = (ids: string[]): string[] => [...new Set(ids)];
