import { decide } from '../../src/domain/signal-lifecycle';
import { ACTORS, NOW, deepFreeze, signalIn } from './fixtures';

describe('reopening a closed signal', () => {
  const closed = deepFreeze(signalIn('closed'));

  it('puts it in progress with the reopening worker as casushouder, without outcome or closing time', () => {
    const r = decide(closed, { type: 'reopen', reason: '  Verzuim weer begonnen. ' }, ACTORS.preventionWorker, NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.value.signal;
    expect(s.state).toBe('inProgress');
    expect(s.ownerId).toBe(ACTORS.preventionWorker.userId);
    expect('outcome' in s).toBe(false);
    expect('closedAt' in s).toBe(false);
    expect(s.history.at(-1)).toMatchObject({
      action: 'reopen',
      fromState: 'closed',
      toState: 'inProgress',
      note: 'Verzuim weer begonnen.',
      outcome: 'resolved',
      visibility: 'care',
    });
    expect(r.value.events.map((e) => e.type)).toEqual(['reopened', 'stateChanged']);
  });

  it('refuses without a reason', () => {
    expect(decide(closed, { type: 'reopen', reason: '   ' }, ACTORS.preventionWorker, NOW)).toMatchObject({
      ok: false,
      code: 'text-empty',
    });
  });

  it('refuses a card drawn on an older version as stale', () => {
    expect(
      decide(closed, { type: 'reopen', reason: 'Opnieuw' }, ACTORS.preventionWorker, NOW, '2020-01-01T00:00:00.000Z'),
    ).toMatchObject({ ok: false, code: 'stale' });
  });
});

describe('adding an observation to an open signal', () => {
  const open = deepFreeze(signalIn('inProgress'));
  const action = { type: 'addObservation' as const, submissionId: 'sub-1', observation: 'Ook bij gym stil.' };

  it('lands in the care history with the card it came from and leaves the state alone', () => {
    const r = decide(open, action, ACTORS.teacher, NOW);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.signal.state).toBe('inProgress');
    expect(r.value.signal.observation).toBe(open.observation);
    expect(r.value.signal.history.at(-1)).toMatchObject({
      action: 'addObservation',
      actorId: ACTORS.teacher.userId,
      note: 'Ook bij gym stil.',
      submissionId: 'sub-1',
      visibility: 'care',
    });
    expect(r.value.events.map((e) => e.type)).toEqual(['observationAdded']);
  });

  it('adds a card once: the same submission again is refused as already added', () => {
    const first = decide(open, action, ACTORS.teacher, NOW);
    if (!first.ok) throw new Error('first add refused');
    expect(decide(first.value.signal, action, ACTORS.teacher, NOW)).toMatchObject({ ok: false, code: 'already-added' });
  });

  it('refuses an empty observation', () => {
    expect(decide(open, { ...action, observation: ' ' }, ACTORS.teacher, NOW)).toMatchObject({
      ok: false,
      code: 'text-empty',
    });
  });
});
