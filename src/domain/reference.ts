import { localDate } from './amsterdam-time';
import { schoolYearStartOf } from './calendar-date';

/** Readable signal references: 'S-2026-0042'; at least four digits, more once past 9999. */
export const formatReference = (year: number, seq: number): string => `S-${year}-${String(seq).padStart(4, '0')}`;

const REFERENCE = /^S-(\d{4})-(\d{4,})$/i;

/**
 * Reads a reference as a user may type it (any case, surrounding spaces). Only the canonical
 * form is accepted: 'S-2026-00042' is not 'S-2026-0042', and sequence 0 does not exist.
 */
export const parseReference = (s: string): { year: number; seq: number } | undefined => {
  const m = REFERENCE.exec(s.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const seq = Number(m[2]);
  if (seq < 1 || !Number.isSafeInteger(seq) || formatReference(year, seq) !== `S-${m[1]}-${m[2]}`) return undefined;
  return { year, seq };
};

/** The school year (August to July, Europe/Amsterdam) an instant falls in. */
export const schoolYearOf = (date: Date): { startYear: number } => ({ startYear: schoolYearStartOf(localDate(date)) });
