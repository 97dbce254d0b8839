import { hasAnyRole, type Actor } from './roles';
import { ok, refuse, type Result } from './result';
import { effectiveLevel, type HistoryEntry, type Signal, type SignalState } from './signal';
import { SIGNAL_ACTION_TYPES, type SignalAction, type SignalActionType, type SignalEvent } from './signal-actions';
import { checkActionInput } from './signal-action-input';
import { ACTION_RULES, type LifecycleRefusal } from './signal-rules';

export type { SignalAction, SignalActionType, SignalEvent, SignalEventType } from './signal-actions';
export { SIGNAL_ACTION_TYPES, SIGNAL_EVENT_TYPES } from './signal-actions';
export { LIFECYCLE_REFUSALS, ACTION_RULES, type LifecycleRefusal } from './signal-rules';
export { NOTE_MAX, QUESTION_MAX, ANSWER_MAX } from './signal-action-input';

/**
 * The signal state machine (S5, S6): the only place that changes a signal. Pure: it returns a
 * new signal and the events to notify about, or a refusal. Rules live in signal-rules.ts.
 */
export type Decision = { signal: Signal; events: SignalEvent[] };

export const isOpen = (state: SignalState): boolean => state !== 'closed';

/** Plain-words status for the reporter (terugkoppeling, S4): no notes, no levels. */
export type ReporterStatus = 'received' | 'claimed' | 'inProgress' | 'escalated' | 'watch' | 'aftercare' | 'closed';
const REPORTER_STATUS: Record<SignalState, ReporterStatus> = {
  new: 'received',
  claimed: 'claimed',
  inProgress: 'inProgress',
  escalated: 'escalated',
  watch: 'watch',
  aftercare: 'aftercare',
  closed: 'closed',
};
export const reporterStatus = (signal: Signal): ReporterStatus => REPORTER_STATUS[signal.state];

const isActionType = (t: unknown): t is SignalActionType => (SIGNAL_ACTION_TYPES as readonly unknown[]).includes(t);

/** School and person: may this actor do this kind of thing to this signal at all? */
function permit(signal: Signal, type: SignalActionType, actor: Actor): Result<null, LifecycleRefusal> {
  if (actor.schoolId !== signal.schoolId) return refuse('other-school');
  const who = ACTION_RULES[type].who;
  // S6: the OT reports back on a case escalated to it with notes in the case history.
  if (type === 'note' && hasAnyRole(actor, ['supportTeam']) && signal.state === 'escalated') return ok(null);
  if (who === 'reporter') return actor.userId === signal.reporterId ? ok(null) : refuse('not-reporter');
  return hasAnyRole(actor, who) ? ok(null) : refuse('not-allowed-role');
}

/** State: where does this action lead from here, given the escalation and re-announcement so far? */
function reach(signal: Signal, type: SignalActionType): Result<SignalState, LifecycleRefusal> {
  const rule = ACTION_RULES[type].states[signal.state];
  if ('refuse' in rule) return refuse(rule.refuse, { state: signal.state });
  const esc = signal.escalation;
  switch (type) {
    case 'claimEscalation':
    case 'reannounceEscalation':
      if (esc?.status === 'claimed') return refuse('escalation-already-claimed', { by: esc.claimedBy ?? '' });
      if (esc?.status !== 'open') return refuse('invalid-transition', { state: signal.state });
      if (type === 'reannounceEscalation' && esc.reannouncedAt !== undefined) return refuse('already-reannounced');
      break;
    case 'deEscalate':
      if (esc?.status !== 'open' && esc?.status !== 'claimed')
        return refuse('invalid-transition', { state: signal.state });
      break;
    case 'reannounce':
      if (signal.reannouncedAt !== undefined) return refuse('already-reannounced');
      break;
  }
  return ok(rule.to);
}

/**
 * Decides an action on a signal. `expectedUpdatedAt` is the version the actor's card was drawn
 * on: when it differs from the signal's, the answer is 'stale' and nothing changes (S5).
 * Checks run in this order: school, person, stale card, state, input.
 */
export function decide(
  signal: Signal,
  action: SignalAction,
  actor: Actor,
  now: Date,
  expectedUpdatedAt?: string,
): Result<Decision, LifecycleRefusal> {
  if (actor.schoolId !== signal.schoolId) return refuse('other-school');
  if (!isActionType(action?.type)) return refuse('unknown-action');
  const permitted = permit(signal, action.type, actor);
  if (!permitted.ok) return permitted;
  if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== signal.updatedAt) {
    return refuse('stale', { state: signal.state, updatedAt: signal.updatedAt });
  }
  const target = reach(signal, action.type);
  if (!target.ok) return target;
  const input = checkActionInput(signal, action, now);
  if (!input.ok) return input;
  return ok(apply(signal, input.value, target.value, actor, stampAfter(signal.updatedAt, now)));
}

/** The actions to draw buttons for: permitted and reachable now, whatever the input will be. */
export function allowedActions(signal: Signal, actor: Actor, _now: Date): SignalActionType[] {
  return SIGNAL_ACTION_TYPES.filter((type) => {
    if (!permit(signal, type, actor).ok || !reach(signal, type).ok) return false;
    if (type === 'answerQuestion') return signal.questions.some((q) => q.answer === undefined);
    return true;
  });
}

/** Events a freshly created signal causes: a level-3 estimate alerts the coordinator at once (S4). */
export function creationEvents(signal: Signal): SignalEvent[] {
  if (signal.reporterLevel !== 3) return [];
  return [
    {
      type: 'levelThreeRaised',
      signalId: signal.id,
      schoolId: signal.schoolId,
      actorId: signal.reporterId,
      at: signal.createdAt,
      level: 3,
    },
  ];
}

/** A new version must differ from the old one even when clocks of two instances disagree. */
function stampAfter(previous: string, now: Date): string {
  const prev = Date.parse(previous);
  return new Date(Number.isNaN(prev) ? now.getTime() : Math.max(now.getTime(), prev + 1)).toISOString();
}

type Change = {
  patch: Partial<Signal>;
  entry: Partial<HistoryEntry>;
  events: Array<Omit<SignalEvent, 'signalId' | 'schoolId' | 'actorId' | 'at'>>;
};

function apply(signal: Signal, action: SignalAction, to: SignalState, actor: Actor, at: string): Decision {
  const from = signal.state;
  const change = effect(signal, action, actor, at);
  const next: Signal = { ...signal, ...change.patch, state: to, updatedAt: at, lastChangeBy: actor.userId };
  if (to !== 'watch') delete next.watch;
  if (next.outcome === undefined) delete next.outcome;
  if (next.closedAt === undefined) delete next.closedAt;
  const moved = from !== to ? { fromState: from, toState: to } : {};
  const entry: HistoryEntry = {
    at,
    actorId: actor.userId,
    action: action.type,
    visibility: 'all',
    ...moved,
    ...change.entry,
  };
  next.history = [...signal.history, entry];
  const base = { signalId: signal.id, schoolId: signal.schoolId, actorId: actor.userId, at };
  const events: SignalEvent[] = change.events.map((e) => ({ ...base, ...e }));
  if (from !== to) events.push({ ...base, type: 'stateChanged', fromState: from, toState: to });
  return { signal: next, events };
}

/** What each action changes besides the state; free text goes to 'care' history only. */
function effect(signal: Signal, action: SignalAction, actor: Actor, at: string): Change {
  switch (action.type) {
    case 'claim':
      return { patch: { ownerId: actor.userId }, entry: {}, events: [{ type: 'claimed' }] };
    case 'score': {
      const raised = action.level === 3 && effectiveLevel(signal) !== 3;
      return {
        patch: { workerLevel: action.level },
        entry: { level: action.level, visibility: 'care' },
        events: [
          { type: 'scored', level: action.level },
          ...(raised ? [{ type: 'levelThreeRaised' as const, level: 3 as const }] : []),
        ],
      };
    }
    case 'note':
      return { patch: {}, entry: { note: action.text, visibility: 'care' }, events: [{ type: 'noteAdded' }] };
    case 'askReporter':
      return {
        patch: {
          questions: [
            ...signal.questions,
            { id: action.questionId, question: action.question, askedBy: actor.userId, askedAt: at },
          ],
        },
        entry: { note: action.question, questionId: action.questionId, visibility: 'care' },
        events: [{ type: 'questionAsked', questionId: action.questionId }],
      };
    case 'answerQuestion':
      return {
        patch: {
          questions: signal.questions.map((q) =>
            q.id === action.questionId ? { ...q, answer: action.answer, answeredAt: at } : q,
          ),
        },
        entry: { note: action.answer, questionId: action.questionId, visibility: 'care' },
        events: [{ type: 'questionAnswered', questionId: action.questionId }],
      };
    case 'escalate': {
      const { type: _t, ...asked } = action;
      return {
        patch: {
          escalation: { ...asked, status: 'open', requestedBy: actor.userId, requestedAt: at },
          ...(signal.escalation
            ? { previousEscalations: [...(signal.previousEscalations ?? []), signal.escalation] }
            : {}),
        },
        entry: { note: action.reason, visibility: 'care' },
        events: [{ type: 'escalated', urgency: action.urgency }],
      };
    }
    case 'claimEscalation':
      return {
        patch: { escalation: { ...signal.escalation!, status: 'claimed', claimedBy: actor.userId, claimedAt: at } },
        entry: {},
        events: [{ type: 'escalationClaimed' }],
      };
    case 'deEscalate':
      return {
        patch: {
          escalation: { ...signal.escalation!, status: 'returned', summary: action.summary, returnedAt: at },
          watch: { checkInDate: action.checkInDate },
        },
        entry: { note: action.summary, checkInDate: action.checkInDate, visibility: 'care' },
        events: [{ type: 'deEscalated', checkInDate: action.checkInDate }],
      };
    case 'setWatch':
      return {
        patch: { watch: { checkInDate: action.checkInDate } },
        entry: { checkInDate: action.checkInDate },
        events: [],
      };
    case 'startAftercare':
      return { patch: {}, entry: {}, events: [] };
    case 'close':
      return {
        patch: { outcome: action.outcome, closedAt: at },
        entry: { outcome: action.outcome },
        events: [{ type: 'closed', outcome: action.outcome }],
      };
    case 'reassign':
      return {
        patch: { ownerId: action.toUserId },
        entry: { targetUserId: action.toUserId },
        events: [
          {
            type: 'reassigned',
            toUserId: action.toUserId,
            ...(signal.ownerId ? { previousOwnerId: signal.ownerId } : {}),
          },
        ],
      };
    case 'reannounce':
      return { patch: { reannouncedAt: at }, entry: {}, events: [{ type: 'reannounced' }] };
    case 'reannounceEscalation':
      return {
        patch: { escalation: { ...signal.escalation!, reannouncedAt: at } },
        entry: {},
        events: [{ type: 'escalationReannounced' }],
      };
    case 'reopen':
      // Outcome and closing time go (the retention purge counts from closedAt); the history keeps them.
      return {
        patch: { ownerId: actor.userId, outcome: undefined, closedAt: undefined },
        entry: { note: action.reason, visibility: 'care', ...(signal.outcome ? { outcome: signal.outcome } : {}) },
        events: [{ type: 'reopened' }],
      };
    case 'addObservation':
      return {
        patch: {},
        entry: { note: action.observation, submissionId: action.submissionId, visibility: 'care' },
        events: [{ type: 'observationAdded' }],
      };
  }
}
