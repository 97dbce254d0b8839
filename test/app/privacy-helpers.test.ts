import { pupilSubject } from '../../src/app/privacy/coordinator-pupil';
import { monthsBefore } from '../../src/app/privacy/retention-purge';
import { neutralUpdate } from '../../src/app/privacy/retire-signal';

describe('privacy helpers (issue 7)', () => {
  it('counts retention in calendar months back from now', () => {
    expect(monthsBefore(new Date('2028-12-23T09:00:00Z'), 24).toISOString()).toBe('2026-12-23T09:00:00.000Z');
    expect(monthsBefore(new Date('2031-01-15T00:00:00Z'), 60).toISOString()).toBe('2026-01-15T00:00:00.000Z');
  });

  it('gives an erased pupil a stable pseudonymous subject that holds neither number nor school', () => {
    const s = pupilSubject('demo-school', '260102');
    expect(s).toBe(pupilSubject('demo-school', '260102'));
    expect(s).not.toBe(pupilSubject('demo-school', '260103'));
    expect(s).toMatch(/^pupil#[0-9a-f]{16}$/);
    expect(s).not.toContain('260102');
  });

  it('builds a neutral update that names where the copy lives and nothing about the pupil, with a deterministic key', () => {
    const d = {
      id: 'delivery:signal:1:u1',
      subjectId: 'signal:1',
      target: { kind: 'user' as const, userId: 'u1' },
      conversationId: 'a:conv',
      activityId: 'act-1',
      at: '2026-01-01T00:00:00Z',
    };
    const m = neutralUpdate('signal:1', d, 'retention');
    expect(m).toEqual({
      key: 'signal:1:removed:u1',
      target: d.target,
      payload: {
        kind: 'privacy.messageRemoved',
        updateOf: 'signal:1',
        params: {
          reason: 'retention',
          tombstoneConversationId: 'a:conv',
          tombstoneActivityId: 'act-1',
          removedSignal: 'signal:1',
        },
      },
    });
    expect(m.payload).not.toHaveProperty('signalId');
  });
});
