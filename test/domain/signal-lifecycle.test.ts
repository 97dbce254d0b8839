import { actor, ACTORS, baseSignal, deepFreeze, NOW, signalIn, VALID_ACTIONS } from './fixtures';
import { systemActor } from '../../src/domain/roles';
import {
  allowedActions,
  creationEvents,
  decide,
  isOpen,
  NOTE_MAX,
  QUESTION_MAX,
  reporterStatus,
  type SignalAction,
} from '../../src/domain/signal-lifecycle';
import type { Signal, SignalState } from '../../src/domain/signal';

const pw = ACTORS.preventionWorker;
const okValue = (r: ReturnType<typeof decide>) => {
  if (!r.ok) throw new Error(`refused: ${r.code}`);
  return r.value;
};

describe('decide: what an allowed action changes', () => {
  it('records the claimer as owner, appends history and stamps the version', () => {
    const before = deepFreeze(signalIn('new'));
    const { signal, events } = okValue(decide(before, { type: 'claim' }, pw, NOW));
    expect(signal).toMatchObject({
      state: 'claimed',
      ownerId: 'pw-2',
      updatedAt: NOW.toISOString(),
      lastChangeBy: 'pw-2',
    });
    expect(signal.history).toHaveLength(2);
    expect(signal.history[1]).toEqual({
      at: NOW.toISOString(),
      actorId: 'pw-2',
      action: 'claim',
      fromState: 'new',
      toState: 'claimed',
      visibility: 'all',
    });
    expect(events.map((e) => e.type)).toEqual(['claimed', 'stateChanged']);
    expect(events[1]).toMatchObject({
      signalId: 'sig-1',
      schoolId: 'school-a',
      actorId: 'pw-2',
      fromState: 'new',
      toState: 'claimed',
    });
    expect(before.state).toBe('new');
  });

  it('lets the other prevention worker of the duo work on a case owned by the first', () => {
    const { signal } = okValue(decide(signalIn('inProgress'), { type: 'score', level: 2 }, pw, NOW));
    expect(signal).toMatchObject({ ownerId: 'pw-1', workerLevel: 2 });
  });

  it('moves a claimed signal to in progress on the first substantive action', () => {
    const { events } = okValue(decide(signalIn('claimed'), VALID_ACTIONS.note, pw, NOW));
    expect(events.map((e) => e.type)).toEqual(['noteAdded', 'stateChanged']);
  });

  it.each([
    [2 as const, 3 as const, true],
    [3 as const, 3 as const, false],
    [2 as const, 2 as const, false],
  ])('raises level three when reporter said %s and the worker scores %s: %s', (reporterLevel, level, raised) => {
    const { events } = okValue(
      decide(baseSignal({ state: 'inProgress', ownerId: 'pw-1', reporterLevel }), { type: 'score', level }, pw, NOW),
    );
    expect(events.some((e) => e.type === 'levelThreeRaised')).toBe(raised);
  });

  it('keeps scores and notes for the care team only', () => {
    const scored = okValue(decide(signalIn('inProgress'), { type: 'score', level: 3 }, pw, NOW)).signal;
    expect(scored.history.at(-1)).toMatchObject({ level: 3, visibility: 'care' });
    const noted = okValue(
      decide(signalIn('inProgress'), { type: 'note', text: '  Met moeder gebeld.\r\n ' }, pw, NOW),
    ).signal;
    expect(noted.history.at(-1)).toMatchObject({ note: 'Met moeder gebeld.', visibility: 'care' });
  });

  it('adds a question for the reporter and records the answer once', () => {
    const asked = okValue(decide(signalIn('inProgress'), VALID_ACTIONS.askReporter, pw, NOW));
    expect(asked.signal.questions.map((q) => q.id)).toEqual(['q1', 'q-new']);
    expect(asked.events[0]).toMatchObject({ type: 'questionAsked', questionId: 'q-new' });
    const later = new Date(NOW.getTime() + 60_000);
    const answered = okValue(
      decide(asked.signal, { type: 'answerQuestion', questionId: 'q-new', answer: 'Ja' }, ACTORS.reporter, later),
    );
    expect(answered.signal.questions[1]).toMatchObject({ answer: 'Ja', answeredAt: later.toISOString() });
    expect(answered.signal.state).toBe('inProgress');
    expect(
      decide(answered.signal, { type: 'answerQuestion', questionId: 'q-new', answer: 'Nee' }, ACTORS.reporter, later),
    ).toMatchObject({ code: 'question-answered' });
  });

  it('opens an escalation and keeps the earlier one when escalating again from watch', () => {
    const before = signalIn('watch');
    const { signal, events } = okValue(decide(before, VALID_ACTIONS.escalate, pw, NOW));
    expect(signal.escalation).toMatchObject({
      status: 'open',
      requestedBy: 'pw-2',
      requestedAt: NOW.toISOString(),
      urgency: 'soon',
    });
    expect(signal.previousEscalations).toEqual([before.escalation]);
    expect(signal.watch).toBeUndefined();
    expect(events[0]).toMatchObject({ type: 'escalated', urgency: 'soon' });
  });

  it('lets the OT claim and then hand back into watch with a check-in date', () => {
    const ot = ACTORS.supportTeam;
    const claimed = okValue(decide(signalIn('escalated'), { type: 'claimEscalation' }, ot, NOW)).signal;
    expect(claimed.escalation).toMatchObject({ status: 'claimed', claimedBy: 'ot-1', claimedAt: NOW.toISOString() });
    const back = okValue(decide(claimed, VALID_ACTIONS.deEscalate, ot, new Date(NOW.getTime() + 1000)));
    expect(back.signal).toMatchObject({ state: 'watch', ownerId: 'pw-1', watch: { checkInDate: '2026-10-21' } });
    expect(back.signal.escalation).toMatchObject({
      status: 'returned',
      summary: 'Gezin heeft hulp, terug naar preventiewerker.',
    });
    expect(back.events.map((e) => e.type)).toEqual(['deEscalated', 'stateChanged']);
  });

  it('moves the check-in date of a watch without a state change', () => {
    const { signal, events } = okValue(
      decide(signalIn('watch'), { type: 'setWatch', checkInDate: '2026-11-02' }, pw, NOW),
    );
    expect(signal.watch).toEqual({ checkInDate: '2026-11-02' });
    expect(events).toEqual([]);
  });

  it('closes with an outcome and forgets the watch date', () => {
    const { signal, events } = okValue(
      decide(signalIn('watch'), { type: 'close', outcome: 'referred' }, ACTORS.coordinator, NOW),
    );
    expect(signal).toMatchObject({ state: 'closed', outcome: 'referred', closedAt: NOW.toISOString() });
    expect(signal.watch).toBeUndefined();
    expect(events[0]).toMatchObject({ type: 'closed', outcome: 'referred' });
  });

  it('assigns a new signal on reassign and names the previous owner otherwise', () => {
    const assigned = okValue(decide(signalIn('new'), VALID_ACTIONS.reassign, ACTORS.coordinator, NOW));
    expect(assigned.signal).toMatchObject({ state: 'claimed', ownerId: 'pw-3' });
    const moved = okValue(decide(signalIn('inProgress'), VALID_ACTIONS.reassign, ACTORS.coordinator, NOW));
    expect(moved.events).toEqual([
      expect.objectContaining({ type: 'reassigned', toUserId: 'pw-3', previousOwnerId: 'pw-1' }),
    ]);
  });

  it('re-announces an unclaimed signal and an unclaimed escalation only once', () => {
    const bot = systemActor('school-a');
    const once = okValue(decide(signalIn('new'), { type: 'reannounce' }, bot, NOW)).signal;
    expect(once.reannouncedAt).toBe(NOW.toISOString());
    expect(decide(once, { type: 'reannounce' }, bot, NOW)).toMatchObject({ ok: false, code: 'already-reannounced' });
    const esc = okValue(decide(signalIn('escalated'), { type: 'reannounceEscalation' }, bot, NOW)).signal;
    expect(esc.escalation?.reannouncedAt).toBe(NOW.toISOString());
    expect(decide(esc, { type: 'reannounceEscalation' }, bot, NOW)).toMatchObject({
      ok: false,
      code: 'already-reannounced',
    });
  });

  it('gives every change a newer version even when this clock runs behind', () => {
    const early = new Date('2026-10-06T08:00:00.000Z');
    const { signal } = okValue(decide(signalIn('new'), { type: 'claim' }, pw, early));
    expect(signal.updatedAt).toBe('2026-10-06T09:00:00.001Z');
  });
});

describe('decide: refusals', () => {
  const refused = (signal: Signal, action: SignalAction, who = pw, expectedUpdatedAt?: string) =>
    decide(signal, action, who, NOW, expectedUpdatedAt);

  it('refuses an action on a card drawn on an older version', () => {
    const s = signalIn('new');
    expect(refused(s, { type: 'claim' }, pw, '2026-10-05T08:00:00.000Z')).toMatchObject({
      ok: false,
      code: 'stale',
      detail: { state: 'new' },
    });
    expect(refused(s, { type: 'claim' }, pw, s.updatedAt).ok).toBe(true);
  });

  it('answers other-school before stale, and a role refusal before stale', () => {
    expect(refused(signalIn('new'), { type: 'claim' }, ACTORS.otherSchool, 'old')).toMatchObject({
      code: 'other-school',
    });
    expect(refused(signalIn('new'), { type: 'claim' }, ACTORS.teacher, 'old')).toMatchObject({
      code: 'not-allowed-role',
    });
  });

  it('refuses an unknown action type from a forged card', () => {
    expect(refused(signalIn('new'), { type: 'delete' } as unknown as SignalAction)).toMatchObject({
      code: 'unknown-action',
    });
  });

  it.each<{ name: string; action: SignalAction; code: string; detail?: Record<string, unknown> }>([
    { name: 'an empty note', action: { type: 'note', text: ' \n ' }, code: 'text-empty', detail: { field: 'text' } },
    {
      name: 'a note one character too long',
      action: { type: 'note', text: 'x'.repeat(NOTE_MAX + 1) },
      code: 'text-too-long',
      detail: { max: NOTE_MAX },
    },
    {
      name: 'a question one character too long',
      action: { type: 'askReporter', questionId: 'q9', question: 'x'.repeat(QUESTION_MAX + 1) },
      code: 'text-too-long',
    },
    {
      name: 'a question id already used',
      action: { type: 'askReporter', questionId: 'q1', question: 'Nog iets?' },
      code: 'question-exists',
    },
    {
      name: 'an answer to an unknown question',
      action: { type: 'answerQuestion', questionId: 'nope', answer: 'x' },
      code: 'question-unknown',
    },
    {
      name: 'a score of 4',
      action: { type: 'score', level: 4 } as unknown as SignalAction,
      code: 'invalid-input',
      detail: { field: 'level' },
    },
    { name: 'a close without outcome', action: { type: 'close' } as unknown as SignalAction, code: 'missing-outcome' },
    { name: 'a watch without date', action: { type: 'setWatch', checkInDate: '' }, code: 'missing-date' },
    { name: 'a watch on 30 February', action: { type: 'setWatch', checkInDate: '2027-02-30' }, code: 'invalid-date' },
    { name: 'a watch date yesterday', action: { type: 'setWatch', checkInDate: '2026-10-06' }, code: 'date-in-past' },
    {
      name: 'a reassign to someone who is not a prevention worker',
      action: { type: 'reassign', toUserId: 'teacher-1', toIsPreventionWorker: false },
      code: 'target-not-prevention-worker',
    },
    {
      name: 'a reassign to the owner',
      action: { type: 'reassign', toUserId: 'pw-1', toIsPreventionWorker: true },
      code: 'already-owner',
    },
    {
      name: 'an escalation without reason',
      action: { ...VALID_ACTIONS.escalate, reason: '' } as SignalAction,
      code: 'text-empty',
      detail: { field: 'reason' },
    },
    {
      name: 'an escalation without consent or a reason why',
      action: { ...VALID_ACTIONS.escalate, parentsConsented: false } as SignalAction,
      code: 'consent-reason-missing',
    },
    {
      name: 'an escalation with consent from uninformed parents',
      action: { ...VALID_ACTIONS.escalate, parentsInformed: false } as SignalAction,
      code: 'consent-inconsistent',
    },
    {
      name: 'an escalation with an unknown urgency',
      action: { ...VALID_ACTIONS.escalate, urgency: 'now' } as unknown as SignalAction,
      code: 'invalid-input',
      detail: { field: 'urgency' },
    },
  ])('refuses $name', ({ action, code, detail }) => {
    const who =
      action.type === 'reassign' ? ACTORS.coordinator : action.type === 'answerQuestion' ? ACTORS.reporter : pw;
    const result = refused(signalIn('inProgress'), action, who);
    expect(result).toMatchObject({ ok: false, code, ...(detail ? { detail } : {}) });
  });

  it('accepts a note of exactly the maximum length and a watch date of today', () => {
    expect(refused(signalIn('inProgress'), { type: 'note', text: 'x'.repeat(NOTE_MAX) }).ok).toBe(true);
    expect(refused(signalIn('inProgress'), { type: 'setWatch', checkInDate: '2026-10-07' }).ok).toBe(true);
  });

  it('accepts an escalation without consent when the reason is given, and keeps it', () => {
    const action = {
      ...VALID_ACTIONS.escalate,
      parentsConsented: false,
      noConsentReason: 'Ouders onbereikbaar',
    } as SignalAction;
    const r = okValue(refused(signalIn('inProgress'), action));
    expect(r.signal.escalation).toMatchObject({ parentsConsented: false, noConsentReason: 'Ouders onbereikbaar' });
  });

  it('lets the system actor of another school re-announce nothing here', () => {
    expect(refused(signalIn('new'), { type: 'reannounce' }, systemActor('school-b'))).toMatchObject({
      code: 'other-school',
    });
  });

  it('lets a person with both roles use both', () => {
    const both = actor('duo-coord', ['preventionWorker', 'coordinator']);
    expect(allowedActions(signalIn('inProgress'), both, NOW)).toEqual(
      expect.arrayContaining(['score', 'reassign', 'close']),
    );
  });

  it('shows no answer button once every question is answered', () => {
    const s = baseSignal({
      state: 'inProgress',
      ownerId: 'pw-1',
      questions: [{ id: 'q1', question: 'x', askedBy: 'pw-1', askedAt: 'a', answer: 'y', answeredAt: 'b' }],
    });
    expect(allowedActions(s, ACTORS.reporter, NOW)).not.toContain('answerQuestion');
  });
});

describe('status words and events outside decide', () => {
  it.each<[SignalState, string, boolean]>([
    ['new', 'received', true],
    ['claimed', 'claimed', true],
    ['inProgress', 'inProgress', true],
    ['escalated', 'escalated', true],
    ['watch', 'watch', true],
    ['aftercare', 'aftercare', true],
    ['closed', 'closed', false],
  ])('tells the reporter of a %s signal "%s" (open: %s)', (state, status, open) => {
    expect(reporterStatus(baseSignal({ state }))).toBe(status);
    expect(isOpen(state)).toBe(open);
  });

  it('raises level three on creation only for a reporter estimate of 3', () => {
    expect(creationEvents(baseSignal({ reporterLevel: 3 }))).toEqual([
      {
        type: 'levelThreeRaised',
        signalId: 'sig-1',
        schoolId: 'school-a',
        actorId: 'reporter-1',
        at: '2026-10-05T08:00:00.000Z',
        level: 3,
      },
    ]);
    expect(creationEvents(baseSignal({ reporterLevel: 2 }))).toEqual([]);
  });
});
