import { agendaSince, meetingAgenda, type MeetingAgendaInput } from '../../src/domain/meeting-agenda';
import type { Escalation, Signal } from '../../src/domain/signal';
import { baseSignal } from './fixtures';

/** Thursday 10 December 2026, 10:00 in Amsterdam; "since last week" is Thursday 3 December 00:00. */
const NOW = new Date('2026-12-10T09:00:00.000Z');
const SINCE = agendaSince(NOW);

const signal = (ref: string, over: Partial<Signal> = {}): Signal =>
  baseSignal({ id: `signal:${ref}`, reference: `S-2026-${ref}`, pupilId: `pupil:${ref}`, ...over });
const claimed = { ownerId: 'pw-1', state: 'inProgress' as const };
const escalation = (over: Partial<Escalation> = {}): Escalation => ({
  status: 'open',
  reason: 'thuissituatie',
  question: 'Kan de gezinswerker contact leggen?',
  urgency: 'normal',
  parentsInformed: true,
  parentsConsented: true,
  requestedBy: 'pw-1',
  requestedAt: '2026-12-09T09:00:00.000Z',
  ...over,
});

const agenda = (signals: Signal[], over: Partial<MeetingAgendaInput> = {}) =>
  meetingAgenda({ now: NOW, since: SINCE, signals, holidays: [], ...over });
const refs = (items: ReadonlyArray<{ reference: string }>) => items.map((i) => i.reference);

describe('meetingAgenda', () => {
  it('counts "since last week" from the start of the same weekday a week earlier, in Amsterdam', () => {
    expect(SINCE.toISOString()).toBe('2026-12-02T23:00:00.000Z');
  });

  describe('Nieuw sinds vorige week', () => {
    it('lists a signal raised this week, also when it is closed already', () => {
      const a = agenda([
        signal('0001', { createdAt: '2026-12-07T08:00:00.000Z', ...claimed }),
        signal('0002', { createdAt: '2026-12-04T08:00:00.000Z', state: 'closed', outcome: 'resolved' }),
      ]);
      expect(refs(a.sections.newSince)).toEqual(['S-2026-0002', 'S-2026-0001']);
    });

    it('leaves out a signal raised before last week', () => {
      const a = agenda([signal('0003', { createdAt: '2026-12-02T22:59:00.000Z', ...claimed })]);
      expect(a.sections.newSince).toEqual([]);
    });
  });

  describe('Niveau 3', () => {
    it('lists an open signal whose level is 3 (the worker’s score, else the reporter’s estimate)', () => {
      const a = agenda([
        signal('0004', { reporterLevel: 3, ...claimed, createdAt: '2026-11-02T08:00:00.000Z' }),
        signal('0005', { reporterLevel: 2, workerLevel: 3, ...claimed, createdAt: '2026-11-03T08:00:00.000Z' }),
      ]);
      expect(refs(a.sections.level3)).toEqual(['S-2026-0004', 'S-2026-0005']);
      expect(a.sections.level3.map((i) => i.levelBy)).toEqual(['reporter', 'worker']);
    });

    it('leaves out a level 3 the worker scored down, and a closed level 3', () => {
      const a = agenda([
        signal('0006', { reporterLevel: 3, workerLevel: 2, ...claimed, createdAt: '2026-11-02T08:00:00.000Z' }),
        signal('0007', { reporterLevel: 3, state: 'closed', createdAt: '2026-12-08T08:00:00.000Z' }),
      ]);
      expect(a.sections.level3).toEqual([]);
    });
  });

  describe('Niet opgepakt of over tijd', () => {
    it('lists every unclaimed signal, marking one past the school’s limit as overdue', () => {
      const a = agenda([
        signal('0008', { createdAt: '2026-12-09T08:00:00.000Z' }),
        signal('0009', { createdAt: '2026-12-03T08:00:00.000Z' }),
      ]);
      expect(a.sections.unclaimedOrOverdue.map((i) => [i.reference, i.ageSchoolDays, i.overdue ?? '-'])).toEqual([
        ['S-2026-0009', 5, 'unclaimed'],
        ['S-2026-0008', 1, '-'],
      ]);
    });

    it('lists an escalation the OT did not claim in time, and skips a claimed signal', () => {
      const a = agenda([
        signal('0010', {
          ...claimed,
          state: 'escalated',
          createdAt: '2026-11-20T08:00:00.000Z',
          escalation: escalation({ requestedAt: '2026-12-01T09:00:00.000Z' }),
        }),
        signal('0011', { ...claimed, createdAt: '2026-11-20T08:00:00.000Z' }),
      ]);
      expect(a.sections.unclaimedOrOverdue.map((i) => [i.reference, i.overdue])).toEqual([
        ['S-2026-0010', 'escalationUnclaimed'],
      ]);
    });

    it('counts school days without the school’s closed days', () => {
      const a = agenda([signal('0012', { createdAt: '2026-12-04T08:00:00.000Z' })], {
        holidays: ['2026-12-07', '2026-12-08'],
      });
      expect(a.sections.unclaimedOrOverdue.map((i) => [i.ageSchoolDays, i.overdue ?? '-'])).toEqual([[2, '-']]);
    });
  });

  describe('Opgeschaald naar het OT (open)', () => {
    it('lists escalations asked and claimed by the OT', () => {
      const a = agenda([
        signal('0013', { ...claimed, state: 'escalated', escalation: escalation() }),
        signal('0014', {
          ...claimed,
          state: 'escalated',
          escalation: escalation({ status: 'claimed', claimedBy: 'ot-1' }),
          createdAt: '2026-10-06T08:00:00.000Z',
        }),
      ]);
      expect(a.sections.escalatedOpen.map((i) => [i.reference, i.escalationStatus])).toEqual([
        ['S-2026-0013', 'open'],
        ['S-2026-0014', 'claimed'],
      ]);
    });

    it('leaves out a case the OT handed back', () => {
      const a = agenda([
        signal('0015', {
          ...claimed,
          state: 'watch',
          watch: { checkInDate: '2027-01-10' },
          escalation: escalation({ status: 'returned', returnedAt: '2026-12-08T09:00:00.000Z' }),
        }),
      ]);
      expect(a.sections.escalatedOpen).toEqual([]);
    });
  });

  describe('Terug van het OT', () => {
    it('lists an open case the OT handed back since last week', () => {
      const a = agenda([
        signal('0016', {
          ...claimed,
          state: 'watch',
          watch: { checkInDate: '2027-01-10' },
          escalation: escalation({ status: 'returned', returnedAt: '2026-12-08T09:00:00.000Z' }),
        }),
      ]);
      expect(a.sections.backFromOt.map((i) => [i.reference, i.returnedAt])).toEqual([
        ['S-2026-0016', '2026-12-08T09:00:00.000Z'],
      ]);
    });

    it('leaves out one handed back before last week', () => {
      const a = agenda([
        signal('0017', {
          ...claimed,
          state: 'watch',
          watch: { checkInDate: '2027-01-10' },
          escalation: escalation({ status: 'returned', returnedAt: '2026-11-20T09:00:00.000Z' }),
        }),
      ]);
      expect(a.sections.backFromOt).toEqual([]);
    });
  });

  describe('Waakvlam: check-in datum verstreken', () => {
    it('lists a watch whose check-in date is today or earlier, earliest first', () => {
      const a = agenda([
        signal('0018', { ...claimed, state: 'watch', watch: { checkInDate: '2026-12-10' } }),
        signal('0019', { ...claimed, state: 'watch', watch: { checkInDate: '2026-12-01' } }),
      ]);
      expect(a.sections.watchDue.map((i) => [i.reference, i.checkInDate])).toEqual([
        ['S-2026-0019', '2026-12-01'],
        ['S-2026-0018', '2026-12-10'],
      ]);
    });

    it('leaves out a watch whose check-in date is still ahead', () => {
      const a = agenda([signal('0020', { ...claimed, state: 'watch', watch: { checkInDate: '2026-12-11' } })]);
      expect(a.sections.watchDue).toEqual([]);
    });
  });

  describe('Score 3 in de laatste ronde zonder open signaal', () => {
    const lastRound = {
      roundId: '2026-2027-r2',
      scores: [
        { pupilId: 'pupil:a', level: 3 as const },
        { pupilId: 'pupil:0021', level: 3 as const },
        { pupilId: 'pupil:c', level: 2 as const },
      ],
    };

    it('lists a pupil scored 3 without an open signal', () => {
      const a = agenda([signal('0021', { ...claimed })], { lastRound });
      expect(a.sections.scoredThreeWithoutSignal).toEqual([{ pupilId: 'pupil:a', roundId: '2026-2027-r2' }]);
    });

    it('leaves out a pupil scored 3 who has an open signal, one scored 2, and everything without a round', () => {
      const a = agenda([signal('0021', { ...claimed }), signal('0022', { ...claimed, pupilId: 'pupil:a' })], {
        lastRound,
      });
      expect(a.sections.scoredThreeWithoutSignal).toEqual([]);
      expect(agenda([]).sections.scoredThreeWithoutSignal).toEqual([]);
    });
  });

  it('names every pupil it lists once', () => {
    const a = agenda(
      [
        signal('0023', { reporterLevel: 3, createdAt: '2026-12-08T08:00:00.000Z' }),
        signal('0024', { ...claimed, createdAt: '2026-10-01T08:00:00.000Z' }),
      ],
      { lastRound: { roundId: 'r', scores: [{ pupilId: 'pupil:x', level: 3 }] } },
    );
    expect(a.pupilIds.sort()).toEqual(['pupil:0023', 'pupil:x']);
  });
});
