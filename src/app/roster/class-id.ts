/**
 * A class's id derived from its name as the pupil administration writes it:
 * "1A" → "1a", "H2b" → "h2b", "3 VWO-a" → "3-vwo-a", "Mentorgroep Ö1" → "mentorgroep-o1".
 * The same name always gives the same id, so a re-import keeps pupils in the same class.
 */
export const MAX_CLASS_ID_LENGTH = 40;

export function classIdOf(className: string): string {
  return className
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Splits a list of classes ("1A|1B", "1A, 1B", "1A;1B") into names; empty items are dropped. */
export const splitList = (raw: string): string[] =>
  raw
    .split(/[|,;]/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0);
