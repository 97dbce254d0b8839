import type { Actor, Role } from '../../src/domain/roles';
import type { Signal, SignalState } from '../../src/domain/signal';
import type { SignalAction, SignalActionType } from '../../src/domain/signal-lifecycle';

/** Wednesday 7 October 2026, 12:00 in Amsterdam. */
export const NOW = new Date('2026-10-07T10:00:00.000Z');
export const SCHOOL = 'school-a';
export const OTHER_SCHOOL = 'school-b';

export const actor = (userId: string, roles: Role[], schoolId = SCHOOL): Actor => ({
  userId,
  schoolId,
  roles,
  displayName: userId,
});

export const ACTORS = {
  teacher: actor('teacher-1', ['teacher']),
  mentor: actor('mentor-1', ['mentor']),
  preventionWorker: actor('pw-2', ['preventionWorker']),
  coordinator: actor('coord-1', ['coordinator']),
  supportTeam: actor('ot-1', ['supportTeam']),
  attendanceOfficer: actor('lpa-1', ['attendanceOfficer']),
  admin: actor('admin-1', ['admin']),
  projectLead: actor('lead-1', ['projectLead']),
  reporter: actor('reporter-1', ['teacher']),
  otherSchool: actor('x-1', ['preventionWorker', 'coordinator', 'supportTeam', 'admin', 'teacher'], OTHER_SCHOOL),
} satisfies Record<string, Actor>;
export type ActorKey = keyof typeof ACTORS;
export const ACTOR_KEYS = Object.keys(ACTORS) as ActorKey[];

/** States of the table, with the escalated state split by whether the OT claimed it. */
export const STATE_KEYS = [
  'new',
  'claimed',
  'inProgress',
  'escalated',
  'escalatedClaimed',
  'watch',
  'aftercare',
  'closed',
] as const;
export type StateKey = (typeof STATE_KEYS)[number];

export function baseSignal(overrides: Partial<Signal> = {}): Signal {
  return {
    id: 'sig-1',
    schoolId: SCHOOL,
    reference: 'S-2026-0042',
    pupilId: 'pupil-1',
    reporterId: 'reporter-1',
    categories: ['gedrag'],
    reporterLevel: 2,
    observation: 'Trekt zich terug in de pauzes.',
    alreadyKnown: { pupil: false, parents: false, mentor: true },
    urgency: 'normal',
    state: 'new',
    createdAt: '2026-10-05T08:00:00.000Z',
    updatedAt: '2026-10-06T09:00:00.000Z',
    lastChangeBy: 'reporter-1',
    questions: [],
    history: [
      { at: '2026-10-05T08:00:00.000Z', actorId: 'reporter-1', action: 'created', toState: 'new', visibility: 'all' },
    ],
    ...overrides,
  };
}

const openQuestion = { id: 'q1', question: 'Sinds wanneer?', askedBy: 'pw-1', askedAt: '2026-10-05T12:00:00.000Z' };
const escalation = {
  status: 'open' as const,
  reason: 'Thuissituatie verslechterd',
  question: 'Kan de gezinswerker contact leggen?',
  urgency: 'soon' as const,
  parentsInformed: true,
  parentsConsented: true,
  requestedBy: 'pw-1',
  requestedAt: '2026-10-06T09:00:00.000Z',
};

/** A realistic signal in each state of the table; owned by pw-1 once claimed. */
export function signalIn(key: StateKey): Signal {
  const claimed = { ownerId: 'pw-1', questions: [openQuestion] };
  switch (key) {
    case 'new':
      return baseSignal();
    case 'claimed':
    case 'inProgress':
    case 'aftercare':
      return baseSignal({ ...claimed, state: key });
    case 'escalated':
      return baseSignal({ ...claimed, state: 'escalated', escalation });
    case 'escalatedClaimed':
      return baseSignal({
        ...claimed,
        state: 'escalated',
        escalation: { ...escalation, status: 'claimed', claimedBy: 'ot-2', claimedAt: '2026-10-06T10:00:00.000Z' },
      });
    case 'watch':
      return baseSignal({
        ...claimed,
        state: 'watch',
        watch: { checkInDate: '2026-10-20' },
        escalation: {
          ...escalation,
          status: 'returned',
          summary: 'Hulp loopt.',
          returnedAt: '2026-10-06T11:00:00.000Z',
        },
      });
    case 'closed':
      return baseSignal({ ...claimed, state: 'closed', outcome: 'resolved', closedAt: '2026-10-06T09:00:00.000Z' });
  }
}

/** A valid action of each type, so that only permission and state decide the outcome. */
export const VALID_ACTIONS: Record<SignalActionType, SignalAction> = {
  claim: { type: 'claim' },
  score: { type: 'score', level: 2 },
  note: { type: 'note', text: 'Gesprek gehad met leerling.' },
  askReporter: { type: 'askReporter', questionId: 'q-new', question: 'Is dit eerder gebeurd?' },
  answerQuestion: { type: 'answerQuestion', questionId: 'q1', answer: 'Sinds de herfst.' },
  escalate: {
    type: 'escalate',
    reason: 'Zorgen over thuis',
    question: 'Graag gezinswerker',
    urgency: 'soon',
    parentsInformed: true,
    parentsConsented: true,
  },
  claimEscalation: { type: 'claimEscalation' },
  deEscalate: {
    type: 'deEscalate',
    summary: 'Gezin heeft hulp, terug naar preventiewerker.',
    checkInDate: '2026-10-21',
  },
  setWatch: { type: 'setWatch', checkInDate: '2026-10-21' },
  startAftercare: { type: 'startAftercare' },
  close: { type: 'close', outcome: 'resolved' },
  reassign: { type: 'reassign', toUserId: 'pw-3', toIsPreventionWorker: true },
  reannounce: { type: 'reannounce' },
  reannounceEscalation: { type: 'reannounceEscalation' },
  reopen: { type: 'reopen', reason: 'Het verzuim is weer begonnen.' },
  addObservation: {
    type: 'addObservation',
    submissionId: '3f1e2d4c-5b6a-4789-8abc-def012345678',
    observation: 'Ook in de les wiskunde stil.',
  },
};

export const stateOf = (key: StateKey): SignalState => (key === 'escalatedClaimed' ? 'escalated' : key);

/** Freezes a value deeply, so that any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
