import { literal } from './literal-text';
import type { PupilRecord } from '../../app/core/ports';

/** The pupil's name, marked as user text (roster data: shown literally, literal-text.ts). */
export const pupilName = (p: Pick<PupilRecord, 'firstName' | 'lastNamePrefix' | 'lastName'>): string =>
  literal([p.firstName, p.lastNamePrefix, p.lastName].filter(Boolean).join(' '));

export const pupilLabel = (p: PupilRecord): string => `${pupilName(p)} (${literal(p.className)})`;

/** The value a pupil choice carries: school and pupil id, both checked again on submit. */
export const pupilChoiceValue = (p: Pick<PupilRecord, 'schoolId' | 'id'>): string => `${p.schoolId}|${p.id}`;

export function parsePupilChoice(value: string): { schoolId: string; pupilId: string } | undefined {
  const m = /^([A-Za-z0-9_-]{1,64})\|(pupil:[A-Za-z0-9_-]{1,64})$/.exec(value);
  return m ? { schoolId: m[1], pupilId: m[2] } : undefined;
}
