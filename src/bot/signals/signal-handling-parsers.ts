import { randomUUID } from 'node:crypto';
import { normalizeText } from '../../domain/text';
import { z } from 'zod';
import { isDateOnly } from '../../domain/calendar-date';
import { ANSWER_MAX, NOTE_MAX, QUESTION_MAX } from '../../domain/signal-lifecycle';
import { REOPEN_REASON_MAX } from '../../domain/signal-action-input';
import { OUTCOMES } from '../../domain/signal';
import { refusalCodeOf } from '../../domain/refusal-codes';
import type { ActionParser } from './signal-actions';

/**
 * zod parsers for the handling verbs of the signal card (S5). Each turns the card's data into a
 * lifecycle action or a refusal code with a Dutch text (core/refusal-texts.ts). The domain
 * checks again (permission, state, date against today); these reject malformed input early.
 */

type Parsed = ReturnType<ActionParser>;

/** Parses `data` with `schema`; the first issue's message is the refusal code. */
function parseWith<T>(
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  data: Record<string, unknown>,
  build: (v: T) => Parsed,
): Parsed {
  const r = schema.safeParse(data);
  if (!r.success) return { ok: false, code: refusalCodeOf(r.error.issues[0]?.message) };
  return build(r.data);
}

/** A text input: a string (missing counts as empty), cleaned by the user-text rule, trimmed, not empty, not too long. */
const textField = (max: number, empty: string, tooLong: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? normalizeText(v) : (v ?? '')),
    z.string({ invalid_type_error: 'invalid-input' }).min(1, empty).max(max, tooLong),
  );

const ScoreSchema = z.object({
  level: z.preprocess(
    (v) => (typeof v === 'number' ? String(v) : (v ?? '')),
    z.string({ invalid_type_error: 'level-missing' }).regex(/^[123]$/, 'level-missing'),
  ),
});
export const scoreParser: ActionParser = (data) =>
  parseWith(ScoreSchema, data, (v) => ({ ok: true, action: { type: 'score', level: Number(v.level) as 1 | 2 | 3 } }));

const NoteSchema = z.object({ note: textField(NOTE_MAX, 'note-empty', 'note-too-long') });
export const noteParser: ActionParser = (data) =>
  parseWith(NoteSchema, data, (v) => ({ ok: true, action: { type: 'note', text: v.note } }));

const AskSchema = z.object({ question: textField(QUESTION_MAX, 'question-empty', 'question-too-long') });
/** Every ask gets a fresh question id; a second submit of the same card is 'stale' by its version. */
export const askParser: ActionParser = (data) =>
  parseWith(AskSchema, data, (v) => ({
    ok: true,
    action: { type: 'askReporter', questionId: `q-${randomUUID()}`, question: v.question },
  }));

const AnswerSchema = z.object({
  questionId: z
    .string({ required_error: 'invalid-input', invalid_type_error: 'invalid-input' })
    .regex(/^q-[A-Za-z0-9-]{1,64}$/, 'invalid-input'),
  answer: textField(ANSWER_MAX, 'answer-empty', 'answer-too-long'),
});
export const answerParser: ActionParser = (data) =>
  parseWith(AnswerSchema, data, (v) => ({
    ok: true,
    action: { type: 'answerQuestion', questionId: v.questionId, answer: v.answer },
  }));

const WatchSchema = z.object({
  checkInDate: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : (v ?? '')),
    z.string({ invalid_type_error: 'invalid-date' }).min(1, 'missing-date').refine(isDateOnly, 'invalid-date'),
  ),
});
/** The date must be today or later: the domain checks it against the clock ('date-in-past'). */
export const watchParser: ActionParser = (data) =>
  parseWith(WatchSchema, data, (v) => ({ ok: true, action: { type: 'setWatch', checkInDate: v.checkInDate } }));

export const aftercareParser: ActionParser = () => ({ ok: true, action: { type: 'startAftercare' } });

const CloseSchema = z.object({ outcome: z.enum(OUTCOMES, { errorMap: () => ({ message: 'missing-outcome' }) }) });
export const closeParser: ActionParser = (data) =>
  parseWith(CloseSchema, data, (v) => ({ ok: true, action: { type: 'close', outcome: v.outcome } }));

const ReassignSchema = z.object({
  toUserId: z
    .string({ required_error: 'target-missing', invalid_type_error: 'target-missing' })
    .min(1, 'target-missing')
    .max(128, 'invalid-input'),
});
/**
 * Reassign needs the store: whether the target is a prevention worker of this school is looked
 * up by the handler (never taken from the card) and passed in.
 */
export const reassignParser =
  (isPreventionWorker: (userId: string) => boolean): ActionParser =>
  (data) =>
    parseWith(ReassignSchema, data, (v) => ({
      ok: true,
      action: { type: 'reassign', toUserId: v.toUserId, toIsPreventionWorker: isPreventionWorker(v.toUserId) },
    }));

const ReopenSchema = z.object({ reason: textField(REOPEN_REASON_MAX, 'reopen-reason-missing', 'text-too-long') });
/** Reopen a closed signal (issue 16): the reason is required; it is care content, kept in the care history. */
export const reopenParser: ActionParser = (data) =>
  parseWith(ReopenSchema, data, (v) => ({ ok: true, action: { type: 'reopen', reason: v.reason } }));
