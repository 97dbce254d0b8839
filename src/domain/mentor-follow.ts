import type { Role } from './roles';
import type { Signal } from './signal';

/**
 * The mentor in the loop (issue 16, S14): the pupil's mentor follows the status of signals about
 * her mentor group, in the same plain words as the reporter, never the observation or a note.
 */

interface StaffAtSchool {
  userId: string;
  schoolId: string;
  roles: readonly Role[];
  leftAt?: string;
}

/**
 * The mentor who is told of a status change of this signal, or undefined: only when the school
 * lets mentors follow signals, the pupil has a mentor who is current staff of the signal's own
 * school, and she does not hear of it otherwise (as its reporter, or as a prevention worker whose
 * copy of the card is updated anyway).
 */
export function mentorFollowing(
  signal: Pick<Signal, 'schoolId' | 'reporterId'>,
  pupil: { schoolId: string; mentorId?: string } | undefined,
  staff: readonly StaffAtSchool[],
  schoolLetsMentorsFollow: boolean,
): string | undefined {
  if (!schoolLetsMentorsFollow || !pupil?.mentorId || pupil.schoolId !== signal.schoolId) return undefined;
  if (pupil.mentorId === signal.reporterId) return undefined;
  const mentor = staff.find((s) => s.userId === pupil.mentorId && s.schoolId === signal.schoolId && !s.leftAt);
  if (!mentor || mentor.roles.includes('preventionWorker')) return undefined;
  return mentor.userId;
}

/**
 * The signals a mentor follows in `/mijn`, from the signals about pupils she mentors at one
 * school: not the ones she reported herself (they show once, under her own signals).
 */
export const followedByMentor = <S extends Pick<Signal, 'reporterId'>>(signals: readonly S[], mentorId: string): S[] =>
  signals.filter((s) => s.reporterId !== mentorId);
