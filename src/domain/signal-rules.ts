import type { Role } from './roles';
import { RAISER_ROLES, type SignalState } from './signal';
import type { SignalActionType } from './signal-actions';
import type { RefusalCode } from './refusal-codes';

/**
 * THE table of who may do what to a signal, in which state, and where it leads (S5, S6).
 * signal-lifecycle.ts applies it; nothing else decides a transition.
 *
 * Rows are actions. `who` is either a list of roles (any one suffices, at the signal's own
 * school) or 'reporter' (only the person who raised the signal). `states` maps every state to
 * the state the signal ends in, or to the refusal code for a permitted actor in that state.
 */
export const LIFECYCLE_REFUSALS = [
  'not-allowed-role',
  'other-school',
  'already-claimed',
  /** claimEscalation or reannounceEscalation: a colleague of the OT already took the request. */
  'escalation-already-claimed',
  'already-closed',
  'invalid-transition',
  'missing-outcome',
  'missing-date',
  'date-in-past',
  /** Reserved: the duo shares cases, so ownership gates no action today. */
  'not-owner',
  'stale',
  'question-unknown',
  'question-answered',
  'text-empty',
  'text-too-long',
  'consent-reason-missing',
  'target-not-prevention-worker',
  // Added beyond the first contract:
  /** The action needs a claimed signal; it is still 'new'. */
  'not-claimed',
  /** Only the reporter answers their questions. */
  'not-reporter',
  /** A date that is not a real 'YYYY-MM-DD' date. */
  'invalid-date',
  /** askReporter with a question id that is already used (a retried submit). */
  'question-exists',
  /** Parents consented but were not informed. */
  'consent-inconsistent',
  /** reassign to the person who already owns it. */
  'already-owner',
  /** The one re-announcement (S6) already happened. */
  'already-reannounced',
  /** A malformed value that a card should never send (detail.field names it). */
  'invalid-input',
  /** addObservation with a submission id that already landed in this signal (a double click). */
  'already-added',
  'unknown-action',
] as const satisfies readonly RefusalCode[];
export type LifecycleRefusal = (typeof LIFECYCLE_REFUSALS)[number];

export type RuleOutcome = { to: SignalState } | { refuse: LifecycleRefusal };
export type Who = readonly Role[] | 'reporter';
export interface ActionRule {
  who: Who;
  states: Record<SignalState, RuleOutcome>;
}

const to = (s: SignalState): RuleOutcome => ({ to: s });
const no = (code: LifecycleRefusal): RuleOutcome => ({ refuse: code });
const closed = no('already-closed');

/** Prevention workers of the school: the duo shares its cases, owner or not (S4). */
const WORKER: readonly Role[] = ['preventionWorker'];
/** The coordinator keeps the overview: may add a note and close (e.g. a duplicate), and reassigns. */
const WORKER_OR_COORDINATOR: readonly Role[] = ['preventionWorker', 'coordinator'];
const COORDINATOR: readonly Role[] = ['coordinator'];
/** The OT (gezinswerker) handles escalations only. */
const SUPPORT_TEAM: readonly Role[] = ['supportTeam'];
/** Re-announcements are made by the bot's scheduler, which acts as admin (systemActor). */
const SYSTEM: readonly Role[] = ['admin'];
/** Everyone who may raise a signal (signal.ts RAISER_ROLES) may add an observation to an open one instead. */
const RAISERS: readonly Role[] = RAISER_ROLES;

/** Not work on the case (an answer, an added observation): every open state stays as it is. */
const STAYS_WHILE_OPEN = {
  new: to('new'),
  claimed: to('claimed'),
  inProgress: to('inProgress'),
  escalated: to('escalated'),
  watch: to('watch'),
  aftercare: to('aftercare'),
  closed,
} as const satisfies Record<SignalState, RuleOutcome>;

export const ACTION_RULES = {
  // The first prevention worker to claim owns it; every later click learns it is taken.
  claim: {
    who: WORKER,
    states: {
      new: to('claimed'),
      claimed: no('already-claimed'),
      inProgress: no('already-claimed'),
      escalated: no('already-claimed'),
      watch: no('already-claimed'),
      aftercare: no('already-claimed'),
      closed,
    },
  },
  // Substantive work (score, note, askReporter, escalate…) on a claimed signal puts it 'inProgress'.
  score: {
    who: WORKER,
    states: {
      new: no('not-claimed'),
      claimed: to('inProgress'),
      inProgress: to('inProgress'),
      escalated: to('escalated'),
      watch: to('watch'),
      aftercare: to('aftercare'),
      closed,
    },
  },
  // A note may precede the claim ("I know this pupil"); it leaves 'new' alone.
  note: {
    who: WORKER_OR_COORDINATOR,
    states: {
      new: to('new'),
      claimed: to('inProgress'),
      inProgress: to('inProgress'),
      escalated: to('escalated'),
      watch: to('watch'),
      aftercare: to('aftercare'),
      closed,
    },
  },
  askReporter: {
    who: WORKER,
    states: {
      new: no('not-claimed'),
      claimed: to('inProgress'),
      inProgress: to('inProgress'),
      escalated: to('escalated'),
      watch: to('watch'),
      aftercare: to('aftercare'),
      closed,
    },
  },
  // The answer is the reporter's, not work on the case: the state stays.
  answerQuestion: { who: 'reporter', states: STAYS_WHILE_OPEN },
  // Escalate from active work, and again from watch/aftercare when things get worse.
  escalate: {
    who: WORKER,
    states: {
      new: no('not-claimed'),
      claimed: to('escalated'),
      inProgress: to('escalated'),
      escalated: no('invalid-transition'),
      watch: to('escalated'),
      aftercare: to('escalated'),
      closed,
    },
  },
  claimEscalation: {
    who: SUPPORT_TEAM,
    states: {
      new: no('invalid-transition'),
      claimed: no('invalid-transition'),
      inProgress: no('invalid-transition'),
      escalated: to('escalated'),
      watch: no('invalid-transition'),
      aftercare: no('invalid-transition'),
      closed,
    },
  },
  // The OT hands back, with or without having claimed it ("not for us"): waakvlam follows.
  deEscalate: {
    who: SUPPORT_TEAM,
    states: {
      new: no('invalid-transition'),
      claimed: no('invalid-transition'),
      inProgress: no('invalid-transition'),
      escalated: to('watch'),
      watch: no('invalid-transition'),
      aftercare: no('invalid-transition'),
      closed,
    },
  },
  // watch → watch moves the check-in date (after a check-in, the next one).
  setWatch: {
    who: WORKER,
    states: {
      new: no('not-claimed'),
      claimed: to('watch'),
      inProgress: to('watch'),
      escalated: no('invalid-transition'),
      watch: to('watch'),
      aftercare: to('watch'),
      closed,
    },
  },
  startAftercare: {
    who: WORKER,
    states: {
      new: no('not-claimed'),
      claimed: no('invalid-transition'),
      inProgress: to('aftercare'),
      escalated: no('invalid-transition'),
      watch: to('aftercare'),
      aftercare: no('invalid-transition'),
      closed,
    },
  },
  // Closing, with an outcome, from every open state (S5).
  close: {
    who: WORKER_OR_COORDINATOR,
    states: {
      new: to('closed'),
      claimed: to('closed'),
      inProgress: to('closed'),
      escalated: to('closed'),
      watch: to('closed'),
      aftercare: to('closed'),
      closed,
    },
  },
  // Reassigning a new signal assigns it: it becomes claimed by the target.
  reassign: {
    who: COORDINATOR,
    states: {
      new: to('claimed'),
      claimed: to('claimed'),
      inProgress: to('inProgress'),
      escalated: to('escalated'),
      watch: to('watch'),
      aftercare: to('aftercare'),
      closed,
    },
  },
  reannounce: {
    who: SYSTEM,
    states: {
      new: to('new'),
      claimed: no('already-claimed'),
      inProgress: no('already-claimed'),
      escalated: no('already-claimed'),
      watch: no('already-claimed'),
      aftercare: no('already-claimed'),
      closed,
    },
  },
  reannounceEscalation: {
    who: SYSTEM,
    states: {
      new: no('invalid-transition'),
      claimed: no('invalid-transition'),
      inProgress: no('invalid-transition'),
      escalated: to('escalated'),
      watch: no('invalid-transition'),
      aftercare: no('invalid-transition'),
      closed,
    },
  },
  // A prevention worker takes a closed signal up again (with a reason); she becomes its casushouder.
  reopen: {
    who: WORKER,
    states: {
      new: no('invalid-transition'),
      claimed: no('invalid-transition'),
      inProgress: no('invalid-transition'),
      escalated: no('invalid-transition'),
      watch: no('invalid-transition'),
      aftercare: no('invalid-transition'),
      closed: to('inProgress'),
    },
  },
  // A second observation about the pupil joins the open signal; it is not work on it: the state stays.
  addObservation: { who: RAISERS, states: STAYS_WHILE_OPEN },
} as const satisfies Record<SignalActionType, ActionRule>;
