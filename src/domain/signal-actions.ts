import type { Level, Outcome, SignalState, Urgency } from './signal';

/** Everything that can be done to a signal (S5, S6). Data from a card, parsed by zod at the edge. */
export type SignalAction =
  | { type: 'claim' }
  | { type: 'score'; level: Level }
  | { type: 'note'; text: string }
  | { type: 'askReporter'; questionId: string; question: string }
  | { type: 'answerQuestion'; questionId: string; answer: string }
  | {
      type: 'escalate';
      reason: string;
      question: string;
      urgency: Urgency;
      parentsInformed: boolean;
      parentsConsented: boolean;
      noConsentReason?: string;
    }
  | { type: 'claimEscalation' }
  | { type: 'deEscalate'; summary: string; checkInDate: string }
  | { type: 'setWatch'; checkInDate: string }
  | { type: 'startAftercare' }
  | { type: 'close'; outcome: Outcome }
  | { type: 'reassign'; toUserId: string; toIsPreventionWorker: boolean }
  | { type: 'reannounce' }
  | { type: 'reannounceEscalation' }
  /** A closed signal taken up again by a prevention worker; the reason is care content. */
  | { type: 'reopen'; reason: string }
  /**
   * Another staff member's observation added to this open signal instead of raising a second one
   * (S3, no silent duplicates). `submissionId` is the intake card's: the same card adds once.
   */
  | { type: 'addObservation'; submissionId: string; observation: string };
export type SignalActionType = SignalAction['type'];

export const SIGNAL_ACTION_TYPES = [
  'claim',
  'score',
  'note',
  'askReporter',
  'answerQuestion',
  'escalate',
  'claimEscalation',
  'deEscalate',
  'setWatch',
  'startAftercare',
  'close',
  'reassign',
  'reannounce',
  'reannounceEscalation',
  'reopen',
  'addObservation',
] as const satisfies readonly SignalActionType[];

export const SIGNAL_EVENT_TYPES = [
  'claimed',
  'stateChanged',
  'scored',
  'noteAdded',
  'questionAsked',
  'questionAnswered',
  'escalated',
  'escalationClaimed',
  'deEscalated',
  'closed',
  'reassigned',
  'levelThreeRaised',
  'reannounced',
  'escalationReannounced',
  'reopened',
  'observationAdded',
] as const;
export type SignalEventType = (typeof SIGNAL_EVENT_TYPES)[number];

/**
 * What happened, for the use case to turn into notifications. Carries ids and codes only,
 * never free text, so it can be queued and logged safely.
 */
export interface SignalEvent {
  type: SignalEventType;
  signalId: string;
  schoolId: string;
  actorId: string;
  at: string;
  fromState?: SignalState;
  toState?: SignalState;
  level?: Level;
  questionId?: string;
  toUserId?: string;
  previousOwnerId?: string;
  outcome?: Outcome;
  urgency?: Urgency;
  checkInDate?: string;
}
