import type { StaffRecord } from '../../src/app/core/ports';
import { SIGNAL_ACTION_TYPES } from '../../src/domain/signal-lifecycle';
import { SYSTEM_USER_ID } from '../../src/domain/roles';
import type { HistoryEntry } from '../../src/domain/signal';
import { historyLine as markedLine } from '../../src/bot/signals/signal-handling-history';
import { markdownOf } from '../../src/bot/core/literal-text';

/** The line as the card shows it (user text escaped, marks gone). */
const historyLine = (...args: Parameters<typeof markedLine>): string => markdownOf(markedLine(...args));

const staff: StaffRecord[] = [
  { schoolId: 's', userId: 'u-demi', displayName: 'Demi Koster', roles: ['preventionWorker'], classIds: [] },
  { schoolId: 's', userId: 'u-sanne', displayName: 'Sanne Bakker', roles: ['preventionWorker'], classIds: [] },
];
const at = '2026-11-23T08:00:00.000Z';
const entry = (e: Partial<HistoryEntry>): HistoryEntry => ({
  at,
  actorId: 'u-demi',
  action: 'claim',
  visibility: 'all',
  ...e,
});

describe('the history lines on the signal card (Verloop)', () => {
  it('has a Dutch label for every lifecycle action, so no action code ever shows', () => {
    for (const action of [...SIGNAL_ACTION_TYPES, 'created']) {
      const line = historyLine(entry({ action }), staff, true);
      expect({ action, what: line.split('Demi Koster: ')[1] }).not.toEqual({ action, what: action });
      expect(line).not.toMatch(/[a-z][A-Z]/); // no camelCase code such as askReporter
    }
    expect(historyLine(entry({ action: 'somethingNew' }), staff, true)).toContain('bijgewerkt');
  });

  it('writes the facts of a step as Dutch labels: score, escalation reason, check-in date, outcome and new owner', () => {
    expect(historyLine(entry({ action: 'score', level: 3, visibility: 'care' }), staff, true)).toContain(
      'score gegeven — 3 — crisis/nood',
    );
    const escalated = historyLine(
      entry({ action: 'escalate', note: 'thuissituatie', visibility: 'care' }),
      staff,
      true,
    );
    expect(escalated).toContain('reden: Thuissituatie / gezin');
    expect(escalated).not.toContain(': thuissituatie');
    expect(historyLine(entry({ action: 'setWatch', checkInDate: '2026-11-26' }), staff, true)).toContain(
      'waakvlam gezet — weer kijken op 26 november 2026',
    );
    const closed = historyLine(entry({ action: 'close', outcome: 'careTeamMeeting' }), staff, true);
    expect(closed).toContain('afgesloten — Besproken in ZAT/MDO');
    expect(closed).not.toContain('careTeamMeeting');
    expect(historyLine(entry({ action: 'reassign', targetUserId: 'u-sanne' }), staff, true)).toContain(
      'toegewezen — aan Sanne Bakker',
    );
  });

  it('names the bot itself for scheduled steps, and keeps notes and scores from those who may not see them', () => {
    expect(historyLine(entry({ action: 'reannounce', actorId: SYSTEM_USER_ID }), staff, true)).toContain(
      'Waakvlam: opnieuw aangeboden',
    );
    const note = historyLine(entry({ action: 'note', note: 'GEHEIM', visibility: 'care', level: 2 }), staff, false);
    expect(note).not.toContain('GEHEIM');
    expect(note).not.toContain('signaal');
  });
});
