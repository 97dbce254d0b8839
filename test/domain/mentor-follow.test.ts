import { followedByMentor, mentorFollowing } from '../../src/domain/mentor-follow';

const signal = { schoolId: 's1', reporterId: 'teacher' };
const pupil = { schoolId: 's1', mentorId: 'mentor' };
const staff = [
  { userId: 'teacher', schoolId: 's1', roles: ['teacher' as const] },
  { userId: 'mentor', schoolId: 's1', roles: ['teacher' as const, 'mentor' as const] },
  { userId: 'worker', schoolId: 's1', roles: ['preventionWorker' as const, 'mentor' as const] },
];

describe('which mentor follows a signal (issue 16)', () => {
  it('names the pupil’s mentor when the school lets mentors follow signals', () => {
    expect(mentorFollowing(signal, pupil, staff, true)).toBe('mentor');
  });

  it('names nobody when the school turned following off', () => {
    expect(mentorFollowing(signal, pupil, staff, false)).toBeUndefined();
  });

  it('names nobody when the mentor reported it herself (she hears it as the reporter)', () => {
    expect(mentorFollowing({ ...signal, reporterId: 'mentor' }, pupil, staff, true)).toBeUndefined();
  });

  it('names nobody when the mentor has left the school', () => {
    const left = staff.map((s) => (s.userId === 'mentor' ? { ...s, leftAt: '2026-11-01' } : s));
    expect(mentorFollowing(signal, pupil, left, true)).toBeUndefined();
  });

  it('names nobody when the mentor of record is not staff of the signal’s school', () => {
    const elsewhere = staff.map((s) => (s.userId === 'mentor' ? { ...s, schoolId: 's2' } : s));
    expect(mentorFollowing(signal, pupil, elsewhere, true)).toBeUndefined();
    expect(mentorFollowing(signal, { ...pupil, schoolId: 's2' }, staff, true)).toBeUndefined();
  });

  it('names nobody when the pupil has no mentor, or the mentor is a prevention worker who gets the card anyway', () => {
    expect(mentorFollowing(signal, { schoolId: 's1' }, staff, true)).toBeUndefined();
    expect(mentorFollowing(signal, undefined, staff, true)).toBeUndefined();
    expect(mentorFollowing(signal, { ...pupil, mentorId: 'worker' }, staff, true)).toBeUndefined();
  });

  it('leaves the mentor’s own reports out of the signals she follows as mentor', () => {
    const signals = [{ reporterId: 'teacher' }, { reporterId: 'mentor' }];
    expect(followedByMentor(signals, 'mentor')).toEqual([{ reporterId: 'teacher' }]);
  });
});
