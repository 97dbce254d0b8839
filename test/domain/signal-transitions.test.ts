import {
  allowedActions,
  decide,
  SIGNAL_ACTION_TYPES,
  type LifecycleRefusal,
  type SignalActionType,
} from '../../src/domain/signal-lifecycle';
import type { SignalState } from '../../src/domain/signal';
import {
  ACTOR_KEYS,
  ACTORS,
  NOW,
  STATE_KEYS,
  VALID_ACTIONS,
  deepFreeze,
  signalIn,
  type ActorKey,
  type StateKey,
} from './fixtures';

/**
 * The whole state machine, written out by hand from SPEC S5/S6: for every action, who may do
 * it, and for a permitted actor in every state the state it ends in or the refusal code.
 * Anyone else gets 'not-allowed-role' ('not-reporter' for answers); anyone of another school
 * gets 'other-school'.
 */
type Expect = SignalState | `!${LifecycleRefusal}`;
type Row = { who: ActorKey[] | 'reporter'; states: Record<StateKey, Expect> };

const CLOSED = '!already-closed' as const;
const TAKEN = '!already-claimed' as const;
/** The escalation request (not the signal) is already taken by a colleague of the OT. */
const OT_TAKEN = '!escalation-already-claimed' as const;
const INVALID = '!invalid-transition' as const;
const UNCLAIMED = '!not-claimed' as const;

const TABLE: Record<SignalActionType, Row> = {
  claim: {
    who: ['preventionWorker'],
    states: {
      new: 'claimed',
      claimed: TAKEN,
      inProgress: TAKEN,
      escalated: TAKEN,
      escalatedClaimed: TAKEN,
      watch: TAKEN,
      aftercare: TAKEN,
      closed: CLOSED,
    },
  },
  score: {
    who: ['preventionWorker'],
    states: {
      new: UNCLAIMED,
      claimed: 'inProgress',
      inProgress: 'inProgress',
      escalated: 'escalated',
      escalatedClaimed: 'escalated',
      watch: 'watch',
      aftercare: 'aftercare',
      closed: CLOSED,
    },
  },
  note: {
    who: ['preventionWorker', 'coordinator'],
    states: {
      new: 'new',
      claimed: 'inProgress',
      inProgress: 'inProgress',
      escalated: 'escalated',
      escalatedClaimed: 'escalated',
      watch: 'watch',
      aftercare: 'aftercare',
      closed: CLOSED,
    },
  },
  askReporter: {
    who: ['preventionWorker'],
    states: {
      new: UNCLAIMED,
      claimed: 'inProgress',
      inProgress: 'inProgress',
      escalated: 'escalated',
      escalatedClaimed: 'escalated',
      watch: 'watch',
      aftercare: 'aftercare',
      closed: CLOSED,
    },
  },
  answerQuestion: {
    who: 'reporter',
    states: {
      new: '!question-unknown',
      claimed: 'claimed',
      inProgress: 'inProgress',
      escalated: 'escalated',
      escalatedClaimed: 'escalated',
      watch: 'watch',
      aftercare: 'aftercare',
      closed: CLOSED,
    },
  },
  escalate: {
    who: ['preventionWorker'],
    states: {
      new: UNCLAIMED,
      claimed: 'escalated',
      inProgress: 'escalated',
      escalated: INVALID,
      escalatedClaimed: INVALID,
      watch: 'escalated',
      aftercare: 'escalated',
      closed: CLOSED,
    },
  },
  claimEscalation: {
    who: ['supportTeam'],
    states: {
      new: INVALID,
      claimed: INVALID,
      inProgress: INVALID,
      escalated: 'escalated',
      escalatedClaimed: OT_TAKEN,
      watch: INVALID,
      aftercare: INVALID,
      closed: CLOSED,
    },
  },
  deEscalate: {
    who: ['supportTeam'],
    states: {
      new: INVALID,
      claimed: INVALID,
      inProgress: INVALID,
      escalated: 'watch',
      escalatedClaimed: 'watch',
      watch: INVALID,
      aftercare: INVALID,
      closed: CLOSED,
    },
  },
  setWatch: {
    who: ['preventionWorker'],
    states: {
      new: UNCLAIMED,
      claimed: 'watch',
      inProgress: 'watch',
      escalated: INVALID,
      escalatedClaimed: INVALID,
      watch: 'watch',
      aftercare: 'watch',
      closed: CLOSED,
    },
  },
  startAftercare: {
    who: ['preventionWorker'],
    states: {
      new: UNCLAIMED,
      claimed: INVALID,
      inProgress: 'aftercare',
      escalated: INVALID,
      escalatedClaimed: INVALID,
      watch: 'aftercare',
      aftercare: INVALID,
      closed: CLOSED,
    },
  },
  close: {
    who: ['preventionWorker', 'coordinator'],
    states: {
      new: 'closed',
      claimed: 'closed',
      inProgress: 'closed',
      escalated: 'closed',
      escalatedClaimed: 'closed',
      watch: 'closed',
      aftercare: 'closed',
      closed: CLOSED,
    },
  },
  reassign: {
    who: ['coordinator'],
    states: {
      new: 'claimed',
      claimed: 'claimed',
      inProgress: 'inProgress',
      escalated: 'escalated',
      escalatedClaimed: 'escalated',
      watch: 'watch',
      aftercare: 'aftercare',
      closed: CLOSED,
    },
  },
  reannounce: {
    who: ['admin'],
    states: {
      new: 'new',
      claimed: TAKEN,
      inProgress: TAKEN,
      escalated: TAKEN,
      escalatedClaimed: TAKEN,
      watch: TAKEN,
      aftercare: TAKEN,
      closed: CLOSED,
    },
  },
  reannounceEscalation: {
    who: ['admin'],
    states: {
      new: INVALID,
      claimed: INVALID,
      inProgress: INVALID,
      escalated: 'escalated',
      escalatedClaimed: OT_TAKEN,
      watch: INVALID,
      aftercare: INVALID,
      closed: CLOSED,
    },
  },
  reopen: {
    who: ['preventionWorker'],
    states: {
      new: INVALID,
      claimed: INVALID,
      inProgress: INVALID,
      escalated: INVALID,
      escalatedClaimed: INVALID,
      watch: INVALID,
      aftercare: INVALID,
      closed: 'inProgress',
    },
  },
  addObservation: {
    who: [
      'teacher',
      'mentor',
      'preventionWorker',
      'coordinator',
      'supportTeam',
      'attendanceOfficer',
      'admin',
      'reporter',
    ],
    states: {
      new: 'new',
      claimed: 'claimed',
      inProgress: 'inProgress',
      escalated: 'escalated',
      escalatedClaimed: 'escalated',
      watch: 'watch',
      aftercare: 'aftercare',
      closed: CLOSED,
    },
  },
};

const expected = (action: SignalActionType, state: StateKey, who: ActorKey): Expect => {
  const row = TABLE[action];
  if (who === 'otherSchool') return '!other-school';
  if (row.who === 'reporter') return who === 'reporter' ? row.states[state] : '!not-reporter';
  // S6: the OT adds notes to a case while it is escalated to it (and only then).
  if (action === 'note' && who === 'supportTeam' && (state === 'escalated' || state === 'escalatedClaimed'))
    return 'escalated';
  return row.who.includes(who) ? row.states[state] : '!not-allowed-role';
};

const cases = SIGNAL_ACTION_TYPES.flatMap((action) =>
  STATE_KEYS.flatMap((state) =>
    ACTOR_KEYS.map((who) => ({ action, state, who, expect: expected(action, state, who) })),
  ),
);

describe('the signal transition table', () => {
  it('covers every action, every state and every actor', () => {
    expect(cases).toHaveLength(16 * 8 * 10);
  });

  it.each(cases)('$action in $state by $who gives $expect', ({ action, state, who, expect: want }) => {
    const signal = deepFreeze(signalIn(state));
    const result = decide(signal, VALID_ACTIONS[action], ACTORS[who], NOW);
    if (want.startsWith('!')) {
      expect(result).toMatchObject({ ok: false, code: want.slice(1) });
    } else {
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.value.signal.state).toBe(want);
    }
  });

  const buttonCases = STATE_KEYS.flatMap((state) => ACTOR_KEYS.map((who) => ({ state, who })));
  it.each(buttonCases)('offers exactly the allowed buttons in $state to $who', ({ state, who }) => {
    const want = SIGNAL_ACTION_TYPES.filter((a) => !expected(a, state, who).startsWith('!'));
    expect(allowedActions(signalIn(state), ACTORS[who], NOW)).toEqual(want);
  });
});
