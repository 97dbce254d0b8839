import { z } from 'zod';
import { normalizeText } from '../../domain/text';
import { ROUND_NOTE_MAX, levelInputId, noteInputId } from './round-views';
import type { Level } from '../../domain/signal';

/** What every round card action carries; checked before anything is loaded. */
export const RoundRefSchema = z.object({
  schoolId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  roundId: z.string().regex(/^\d{4}-[1-4]$/),
  classId: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional(),
  page: z.coerce.number().int().min(0).max(999).optional(),
  v: z.string().max(40).optional().default(''),
});
export type RoundRef = z.infer<typeof RoundRefSchema>;

export const OfferSchema = z.object({
  schoolId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  roundId: z.string().regex(/^\d{4}-[1-4]$/),
  pupilId: z.string().regex(/^pupil:[A-Za-z0-9_-]{1,64}$/),
  mode: z.enum(['signal', 'escalate']),
});

/** One pupil's row as submitted: a level 1-3, and a note that 2 and 3 require. */
export const PupilRowSchema = z
  .object({
    level: z.enum(['1', '2', '3'], { errorMap: () => ({ message: 'level' }) }),
    note: z
      .string()
      .transform(normalizeText)
      .pipe(z.string().max(ROUND_NOTE_MAX, { message: 'noteTooLong' })),
  })
  .superRefine((row, ctx) => {
    if (row.level !== '1' && row.note === '')
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['note'], message: 'noteRequired' });
  })
  .transform((row) => ({ level: Number(row.level) as Level, note: row.note }));

const str = (v: unknown, max: number): string =>
  typeof v === 'string' ? v.slice(0, max) : typeof v === 'number' ? String(v) : '';

/** The raw level and note of each pupil, as strings (kept for a redraw). */
export function pupilFields(
  data: Record<string, unknown>,
  pupilIds: readonly string[],
): { level: Record<string, string>; note: Record<string, string> } {
  const level: Record<string, string> = {};
  const note: Record<string, string> = {};
  for (const id of pupilIds) {
    level[id] = str(data[levelInputId(id)], 5);
    note[id] = str(data[noteInputId(id)], ROUND_NOTE_MAX * 4);
  }
  return { level, note };
}
