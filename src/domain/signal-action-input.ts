import { localDate } from './amsterdam-time';
import { isDateOnly } from './calendar-date';
import { ok, refuse, type Result } from './result';
import { OBSERVATION_MAX, OUTCOMES, URGENCIES, type Signal } from './signal';
import type { SignalAction } from './signal-actions';
import type { LifecycleRefusal } from './signal-rules';
import { checkText } from './text';

export const NOTE_MAX = 2000;
export const QUESTION_MAX = 1000;
/** Answers, escalation reasons and OT summaries are as long as a note may be. */
export const ANSWER_MAX = NOTE_MAX;
/** The reason to reopen a closed signal: a care note. */
export const REOPEN_REASON_MAX = NOTE_MAX;

/** A check-in date: a real date, today or later (Europe/Amsterdam). */
export const checkFutureDate = (date: string | undefined, now: Date): Result<string, LifecycleRefusal> => {
  if (date === undefined || date.trim() === '') return refuse('missing-date');
  const d = date.trim();
  if (!isDateOnly(d)) return refuse('invalid-date');
  if (d < localDate(now)) return refuse('date-in-past', { today: localDate(now) });
  return ok(d);
};

const text = (raw: unknown, max: number, field: string): Result<string, LifecycleRefusal> =>
  checkText(typeof raw === 'string' ? raw : undefined, max, field);

/**
 * Checks what an action carries and returns it normalised (texts trimmed). Runs after the
 * permission and state checks, so a refusal here is about the input, not about the person.
 */
export function checkActionInput(
  signal: Signal,
  action: SignalAction,
  now: Date,
): Result<SignalAction, LifecycleRefusal> {
  switch (action.type) {
    case 'score':
      return [1, 2, 3].includes(action.level) ? ok(action) : refuse('invalid-input', { field: 'level' });
    case 'note': {
      const t = text(action.text, NOTE_MAX, 'text');
      return t.ok ? ok({ ...action, text: t.value }) : t;
    }
    case 'askReporter': {
      if (typeof action.questionId !== 'string' || action.questionId === '')
        return refuse('invalid-input', { field: 'questionId' });
      if (signal.questions.some((q) => q.id === action.questionId)) return refuse('question-exists');
      const t = text(action.question, QUESTION_MAX, 'question');
      return t.ok ? ok({ ...action, question: t.value }) : t;
    }
    case 'answerQuestion': {
      const q = signal.questions.find((x) => x.id === action.questionId);
      if (!q) return refuse('question-unknown');
      if (q.answer !== undefined) return refuse('question-answered');
      const t = text(action.answer, ANSWER_MAX, 'answer');
      return t.ok ? ok({ ...action, answer: t.value }) : t;
    }
    case 'escalate':
      return checkEscalation(action);
    case 'deEscalate': {
      const summary = text(action.summary, ANSWER_MAX, 'summary');
      if (!summary.ok) return summary;
      const date = checkFutureDate(action.checkInDate, now);
      return date.ok ? ok({ ...action, summary: summary.value, checkInDate: date.value }) : date;
    }
    case 'setWatch': {
      const date = checkFutureDate(action.checkInDate, now);
      return date.ok ? ok({ ...action, checkInDate: date.value }) : date;
    }
    case 'close':
      return OUTCOMES.includes(action.outcome) ? ok(action) : refuse('missing-outcome');
    case 'reassign':
      if (action.toIsPreventionWorker !== true || typeof action.toUserId !== 'string' || action.toUserId === '') {
        return refuse('target-not-prevention-worker');
      }
      return action.toUserId === signal.ownerId ? refuse('already-owner') : ok(action);
    case 'reopen': {
      const t = text(action.reason, REOPEN_REASON_MAX, 'reason');
      return t.ok ? ok({ ...action, reason: t.value }) : t;
    }
    case 'addObservation': {
      if (typeof action.submissionId !== 'string' || action.submissionId === '')
        return refuse('invalid-input', { field: 'submissionId' });
      if (signal.history.some((h) => h.submissionId === action.submissionId)) return refuse('already-added');
      const t = text(action.observation, OBSERVATION_MAX, 'observation');
      return t.ok ? ok({ ...action, observation: t.value }) : t;
    }
    default:
      return ok(action);
  }
}

type Escalate = Extract<SignalAction, { type: 'escalate' }>;

/** S6: reason, question, urgency, and the parents' questions answered; no consent needs a reason. */
function checkEscalation(action: Escalate): Result<SignalAction, LifecycleRefusal> {
  const reason = text(action.reason, ANSWER_MAX, 'reason');
  if (!reason.ok) return reason;
  const question = text(action.question, QUESTION_MAX, 'question');
  if (!question.ok) return question;
  if (!URGENCIES.includes(action.urgency)) return refuse('invalid-input', { field: 'urgency' });
  if (typeof action.parentsInformed !== 'boolean') return refuse('invalid-input', { field: 'parentsInformed' });
  if (typeof action.parentsConsented !== 'boolean') return refuse('invalid-input', { field: 'parentsConsented' });
  if (action.parentsConsented && !action.parentsInformed) return refuse('consent-inconsistent');
  const base: Escalate = { ...action, reason: reason.value, question: question.value };
  delete base.noConsentReason;
  if (action.parentsConsented) return ok(base);
  const why = text(action.noConsentReason, ANSWER_MAX, 'noConsentReason');
  if (!why.ok) return why.code === 'text-empty' ? refuse('consent-reason-missing') : why;
  return ok({ ...base, noConsentReason: why.value });
}
