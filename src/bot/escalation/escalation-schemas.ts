import { z } from 'zod';
import { normalizeText } from '../../domain/text';
import { ESCALATION_REASONS } from '../../app/escalation/escalation-reasons';
import { isDateOnly } from '../../domain/calendar-date';
import { ANSWER_MAX, QUESTION_MAX } from '../../domain/signal-lifecycle';
import { URGENCIES } from '../../domain/signal';
import { SignalRefSchema } from '../signals/signal-action-schemas';

/** The fields every escalation card action carries: the signal and which of its escalations. */
export const EscalationRefSchema = SignalRefSchema.extend({
  n: z.preprocess(
    (v) => (typeof v === 'string' && /^\d{1,3}$/.test(v) ? Number(v) : v),
    z.number().int().min(0).max(999),
  ),
});
export type EscalationRef = z.infer<typeof EscalationRefSchema>;

const str = (v: unknown): string => (typeof v === 'string' ? v.replace(/\r\n?/g, '\n') : '');

/** What the escalation form submits, as strings (missing = empty), before validation. */
export function formFields(data: unknown) {
  const d = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  return {
    reason: str(d.reason).trim(),
    question: str(d.question),
    urgency: str(d.urgency).trim(),
    parentsInformed: str(d.parentsInformed).trim(),
    parentsConsented: str(d.parentsConsented).trim(),
    noConsentReason: str(d.noConsentReason),
  };
}

export const ReasonSchema = z.enum(ESCALATION_REASONS);
export const UrgencySchema = z.enum(URGENCIES);
export const YesNoSchema = z.enum(['ja', 'nee']).transform((v) => v === 'ja');
export const QuestionSchema = z
  .string()
  .transform(normalizeText)
  .pipe(z.string().min(1, 'empty').max(QUESTION_MAX, 'too-long'));
export const NoConsentReasonSchema = z
  .string()
  .transform(normalizeText)
  .pipe(z.string().min(1, 'empty').max(ANSWER_MAX, 'too-long'));

/** Afschalen: the OT's summary for the prevention worker and the watch's check-in date. */
export const DeEscalateSchema = z.object({
  summary: z.preprocess(
    (v) => (typeof v === 'string' ? normalizeText(v) : (v ?? '')),
    z.string({ invalid_type_error: 'invalid-input' }).min(1, 'summary-empty').max(ANSWER_MAX, 'summary-too-long'),
  ),
  checkInDate: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : (v ?? '')),
    z.string({ invalid_type_error: 'invalid-date' }).min(1, 'missing-date').refine(isDateOnly, 'invalid-date'),
  ),
});
