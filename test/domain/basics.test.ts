import { fixedClock } from '../../src/domain/clock';
import { ok, refuse } from '../../src/domain/result';
import { hasRole, isStaff, isSystemActor, systemActor } from '../../src/domain/roles';
import { checkText } from '../../src/domain/text';
import { actor } from './fixtures';

describe('results', () => {
  it('wraps a value and a refusal, leaving out an absent detail', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(refuse('stale')).toStrictEqual({ ok: false, code: 'stale' });
    expect(refuse('text-too-long', { max: 5 })).toEqual({ ok: false, code: 'text-too-long', detail: { max: 5 } });
  });
});

describe('fixedClock', () => {
  it('answers the same instant every time and cannot be changed through its answer', () => {
    const clock = fixedClock('2026-10-07T10:00:00Z');
    clock.now().setFullYear(1999);
    expect(clock.now().toISOString()).toBe('2026-10-07T10:00:00.000Z');
  });
});

describe('roles', () => {
  const mentor = actor('m', ['mentor', 'teacher']);
  it.each([
    ['a mentor at the school', mentor, undefined, true],
    ['a mentor asked about another school', mentor, 'school-b', false],
    ['someone without any role', actor('n', []), undefined, false],
  ])('treats %s as staff: %s', (_name, who, school, staff) => {
    expect(isStaff(who, school)).toBe(staff);
  });

  it('checks a single role', () => {
    expect(hasRole(mentor, 'teacher')).toBe(true);
    expect(hasRole(mentor, 'coordinator')).toBe(false);
  });

  it('makes a system actor for one school with the admin role', () => {
    const bot = systemActor('school-a');
    expect(bot).toMatchObject({ schoolId: 'school-a', roles: ['admin'] });
    expect(isSystemActor(bot)).toBe(true);
    expect(isSystemActor(mentor)).toBe(false);
  });
});

describe('checkText', () => {
  it.each([
    ['  hallo \r\n', { ok: true, value: 'hallo' }],
    ['a\r\nb', { ok: true, value: 'a\nb' }],
    [' \n ', { ok: false, code: 'text-empty', detail: { field: 'f' } }],
    ['123456', { ok: false, code: 'text-too-long', detail: { field: 'f', max: 5, length: 6 } }],
    [undefined, { ok: false, code: 'text-empty', detail: { field: 'f' } }],
  ])('reads %p', (raw, want) => {
    expect(checkText(raw, 5, 'f')).toEqual(want);
  });
});
