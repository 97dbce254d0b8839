/**
 * Every code the domain, the use cases and the bot return when they refuse something: ONE union.
 * Each code has one Dutch text in src/bot/core/refusal-texts.ts (a `Record<RefusalCode, …>`, so a
 * code without a text does not compile). A code means one thing: where two situations read
 * differently to the person, they get two codes. Audit entries store the code string; do not
 * rename a code that is already stored unless its meaning splits.
 */
export const REFUSAL_CODES = [
  // who is asking
  'unknown-user',
  'not-staff',
  'not-allowed-role',
  'other-school',
  // cards and input
  'forged',
  'invalid-card',
  'invalid-input',
  'unknown-action',
  'busy',
  'stale',
  'list-unknown',
  'signal-unknown',
  // raising a signal (S4)
  'pupil-unknown',
  'pupil-other-school',
  'pupil-left',
  'no-category',
  'observation-empty',
  'observation-too-long',
  // handling a signal (S5)
  'already-claimed',
  'already-closed',
  'invalid-transition',
  'missing-outcome',
  'missing-date',
  'date-in-past',
  'invalid-date',
  'not-owner',
  'not-claimed',
  'not-reporter',
  'already-owner',
  'already-reannounced',
  'target-missing',
  'target-not-prevention-worker',
  'level-missing',
  'note-empty',
  'note-too-long',
  'question-unknown',
  'question-answered',
  'question-exists',
  'question-empty',
  'question-too-long',
  'answer-empty',
  'answer-too-long',
  'text-empty',
  'text-too-long',
  'consent-reason-missing',
  'consent-inconsistent',
  // escalation to the OT (S6) and linking channels (S2)
  'escalation-already-claimed',
  'escalation-handled',
  'escalation-old',
  'escalation-not-ot',
  'escalation-returned',
  'summary-empty',
  'summary-too-long',
  'link-no-role',
  'link-other-tenant',
  // the 1-2-3 round (S7)
  'round-unknown',
  'page-unknown',
  'round-closed',
  'stale-page',
  'not-offered',
  'no-round-window',
  'no-round',
  'round-role',
  // privacy (/audit, /inzage, /vergeet)
  'not-coordinator',
  'pupil-number-invalid',
  'pupil-number-unknown',
  'pupil-erased',
  'export-link-invalid',
  'erase-confirmation-mismatch',
  'privacy-unavailable',
  // digest (/overzicht)
  'digest-not-coordinator',
  'digest-not-project-lead',
  'digest-no-school',
  // school settings
  'school-unknown',
  // a pupil's story, reopening, no silent duplicates (issue 16)
  'story-not-allowed',
  'pupil-not-found',
  'already-added',
  'reopen-reason-missing',
  // absence and handover (issue 16)
  'leave-not-prevention-worker',
  'leave-too-far',
  'handover-not-coordinator',
  'handover-same-worker',
  'handover-reason-missing',
  // the bespreeklijst (issue 16)
  'agenda-not-allowed',
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set(REFUSAL_CODES);

/** Whether a string (e.g. read back from the store) is a known refusal code. */
export const isRefusalCode = (code: unknown): code is RefusalCode => typeof code === 'string' && KNOWN.has(code);

/** A code carried as a plain string (a zod issue's message): itself if known, else 'invalid-input'. */
export const refusalCodeOf = (code: string | undefined): RefusalCode => (isRefusalCode(code) ? code : 'invalid-input');
