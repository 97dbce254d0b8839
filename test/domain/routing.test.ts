import { routeNewSignal, type StaffMember } from '../../src/domain/routing';
import type { PupilRef } from '../../src/domain/signal';
import { baseSignal } from './fixtures';

const staff: StaffMember[] = [
  { userId: 'pw-1', schoolId: 'school-a', roles: ['preventionWorker'], displayName: 'PW 1' },
  { userId: 'pw-2', schoolId: 'school-a', roles: ['preventionWorker'], displayName: 'PW 2' },
  { userId: 'pw-9', schoolId: 'school-b', roles: ['preventionWorker'], displayName: 'PW elsewhere' },
  { userId: 'mentor-1', schoolId: 'school-a', roles: ['mentor', 'teacher'], displayName: 'Mentor' },
  { userId: 'coord-1', schoolId: 'school-a', roles: ['coordinator'], displayName: 'Coord' },
  { userId: 'coord-9', schoolId: 'school-b', roles: ['coordinator'], displayName: 'Coord elsewhere' },
  { userId: 'lpa-1', schoolId: 'school-a', roles: ['attendanceOfficer'], displayName: 'LPA' },
];
const pupil: PupilRef = { id: 'pupil-1', schoolId: 'school-a', classId: '2b', mentorId: 'mentor-1' };
const on = { notifyAttendanceOfficer: true };
const off = { notifyAttendanceOfficer: false };

describe('routeNewSignal', () => {
  it('sends a level-2 signal to both prevention workers and tells the mentor', () => {
    expect(routeNewSignal(baseSignal(), pupil, staff, on)).toEqual({
      preventionWorkers: ['pw-1', 'pw-2'],
      mentor: 'mentor-1',
      coordinators: [],
      attendanceOfficers: [],
      duoAbsenceReminder: false,
      noPreventionWorker: false,
    });
  });

  it('does not tell the mentor about a signal the mentor raised', () => {
    expect(routeNewSignal(baseSignal({ reporterId: 'mentor-1' }), pupil, staff, on).mentor).toBeUndefined();
  });

  it('does not tell a mentor who is not on this school’s staff', () => {
    expect(routeNewSignal(baseSignal(), { ...pupil, mentorId: 'gone-1' }, staff, on).mentor).toBeUndefined();
  });

  it('tells the coordinators of the school at once for level 3', () => {
    expect(routeNewSignal(baseSignal({ reporterLevel: 3 }), pupil, staff, on).coordinators).toEqual(['coord-1']);
  });

  it.each([
    {
      name: 'verzuim with the school option on',
      categories: ['verzuim' as const],
      policy: on,
      officers: ['lpa-1'],
      reminder: true,
    },
    {
      name: 'verzuim with the school option off',
      categories: ['verzuim' as const],
      policy: off,
      officers: [],
      reminder: true,
    },
    {
      name: 'another category with the option on',
      categories: ['pesten' as const],
      policy: on,
      officers: [],
      reminder: false,
    },
  ])('handles $name', ({ categories, policy, officers, reminder }) => {
    const r = routeNewSignal(baseSignal({ categories }), pupil, staff, policy);
    expect(r.attendanceOfficers).toEqual(officers);
    expect(r.duoAbsenceReminder).toBe(reminder);
  });

  it('falls back to the coordinators when the school has no prevention worker', () => {
    const r = routeNewSignal(
      baseSignal(),
      pupil,
      staff.filter((s) => !s.roles.includes('preventionWorker')),
      on,
    );
    expect(r).toMatchObject({ preventionWorkers: [], coordinators: ['coord-1'], noPreventionWorker: true });
  });

  it('lists a person with two roles once per list', () => {
    const dup = [...staff, { ...staff[0] }];
    expect(routeNewSignal(baseSignal(), pupil, dup, on).preventionWorkers).toEqual(['pw-1', 'pw-2']);
  });
});
