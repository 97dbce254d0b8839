import {
  aftercareReminderDue,
  extendedCheckInDate,
  needsReannouncement,
  watchReminderDue,
} from '../../src/domain/signal-reminders';
import type { Signal } from '../../src/domain/signal';
import { baseSignal } from './fixtures';

const at = (iso: string) => new Date(iso);
const watching = (checkInDate: string): Signal => baseSignal({ state: 'watch', ownerId: 'pw', watch: { checkInDate } });
const inAftercareSince = (iso: string): Signal =>
  baseSignal({
    state: 'aftercare',
    ownerId: 'pw',
    history: [
      { at: '2026-09-01T08:00:00.000Z', actorId: 'r', action: 'created', toState: 'new', visibility: 'all' },
      {
        at: iso,
        actorId: 'pw',
        action: 'startAftercare',
        fromState: 'inProgress',
        toState: 'aftercare',
        visibility: 'all',
      },
    ],
  });

describe('signal reminders', () => {
  it('is due on the check-in date by the Amsterdam calendar, not by UTC', () => {
    expect(watchReminderDue(watching('2026-12-08'), at('2026-12-07T22:30:00Z'))).toBeUndefined();
    expect(watchReminderDue(watching('2026-12-08'), at('2026-12-07T23:30:00Z'))).toEqual({
      kind: 'watch',
      date: '2026-12-08',
      onceKey: expect.stringContaining(':2026-12-08'),
    });
    expect(watchReminderDue(watching('2026-12-08'), at('2026-12-20T09:00:00Z'))).toBeDefined();
  });

  it('gives no watch reminder for a signal that is not in watch', () => {
    expect(
      watchReminderDue({ ...watching('2026-12-08'), state: 'aftercare' }, at('2026-12-09T09:00:00Z')),
    ).toBeUndefined();
  });

  it('reminds in aftercare every four weeks, with one key per period', () => {
    const s = inAftercareSince('2026-12-14T08:00:00.000Z');
    expect(aftercareReminderDue(s, at('2027-01-10T09:00:00Z'))).toBeUndefined();
    const first = aftercareReminderDue(s, at('2027-01-11T09:00:00Z'))!;
    expect(first.date).toBe('2027-01-11');
    expect(aftercareReminderDue(s, at('2027-02-07T09:00:00Z'))!.onceKey).toBe(first.onceKey);
    expect(aftercareReminderDue(s, at('2027-02-08T09:00:00Z'))!.onceKey).not.toBe(first.onceKey);
  });

  it('re-announces a new signal only after more school days than the limit, skipping weekends and holidays, once', () => {
    const s = baseSignal({ state: 'new', createdAt: '2026-11-20T10:00:00.000Z' }); // a Friday
    expect(needsReannouncement(s, at('2026-11-24T10:00:00Z'), 2)).toBe(false); // Mon, Tue: 2 school days
    expect(needsReannouncement(s, at('2026-11-25T10:00:00Z'), 2)).toBe(true);
    expect(needsReannouncement(s, at('2026-11-25T10:00:00Z'), 2, ['2026-11-23'])).toBe(false);
    expect(needsReannouncement(s, at('2026-11-25T10:00:00Z'), undefined)).toBe(true);
    expect(
      needsReannouncement({ ...s, reannouncedAt: '2026-11-25T09:00:00.000Z' }, at('2026-11-26T10:00:00Z'), 2),
    ).toBe(false);
    expect(needsReannouncement({ ...s, state: 'claimed' }, at('2026-11-26T10:00:00Z'), 2)).toBe(false);
  });

  it('extends a watch by two weeks from today', () => {
    expect(extendedCheckInDate(at('2026-12-08T06:30:00Z'))).toBe('2026-12-22');
  });
});
