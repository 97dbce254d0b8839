import { z } from 'zod';
import { normalizeText } from '../../domain/text';
import { CATEGORIES, OBSERVATION_MAX, URGENCIES } from '../../domain/signal';

/**
 * The intake card's submit, as it arrives (everything a string, any field possibly absent or
 * forged). Field-level problems become Dutch messages next to the field; structural garbage
 * (no submission id) is refused outright.
 */
export const IntakeEnvelopeSchema = z.object({
  submissionId: z.string().uuid(),
});

const str = (max: number) => z.string().max(max).optional().default('');

export const IntakeFieldsSchema = z.object({
  /** a board member's chosen school (absent on a single school's card) */
  school: str(64),
  pupil: str(200),
  categories: str(500),
  level: str(5),
  observation: z.string().optional().default(''),
  knowsPupil: str(10),
  knowsParents: str(10),
  knowsMentor: str(10),
  urgency: str(20),
  /** the answer on the card that the pupil already has an open signal: 'add' to it, or 'new' anyway */
  openChoice: str(5),
  /** with 'add': the open signal the card named */
  openSignal: str(80),
});
export type IntakeFields = z.infer<typeof IntakeFieldsSchema>;

export const CategoriesSchema = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(CATEGORIES)).min(1).max(CATEGORIES.length));
export const LevelSchema = z.enum(['2', '3']).transform((v) => Number(v) as 2 | 3);
export const UrgencySchema = z.enum(URGENCIES);
export const ObservationSchema = z.string().transform(normalizeText).pipe(z.string().min(1).max(OBSERVATION_MAX));

/** Coerces whatever arrived into plain strings, dropping anything else (objects, arrays, numbers as-is). */
export function coerceFields(raw: unknown): IntakeFields {
  const src = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const pick = (k: string) =>
    typeof src[k] === 'string'
      ? src[k]
      : typeof src[k] === 'number' || typeof src[k] === 'boolean'
        ? String(src[k])
        : '';
  const fields = {
    school: pick('school').slice(0, 64),
    pupil: pick('pupil').slice(0, 200),
    categories: pick('categories').slice(0, 500),
    level: pick('level').slice(0, 5),
    observation: pick('observation').slice(0, OBSERVATION_MAX * 4),
    knowsPupil: pick('knowsPupil').slice(0, 10),
    knowsParents: pick('knowsParents').slice(0, 10),
    knowsMentor: pick('knowsMentor').slice(0, 10),
    urgency: pick('urgency').slice(0, 20),
    openChoice: pick('openChoice').slice(0, 5),
    openSignal: pick('openSignal').slice(0, 80),
  };
  return IntakeFieldsSchema.parse(fields);
}
