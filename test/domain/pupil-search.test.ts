import { displayName, searchPupils, type SearchablePupil } from '../../src/domain/pupil-search';

const p = (
  id: string,
  firstName: string,
  lastName: string,
  className: string,
  lastNamePrefix?: string,
  leftAt?: string,
): SearchablePupil => ({
  id,
  firstName,
  lastName,
  classId: className.toLowerCase(),
  className,
  ...(lastNamePrefix ? { lastNamePrefix } : {}),
  ...(leftAt ? { leftAt } : {}),
});

const roster: SearchablePupil[] = [
  p('1', 'Sanne', 'Berg', '2B', 'van der'),
  p('2', 'Jan', 'Jansen', '2B'),
  p('3', 'Janneke', 'Bos', '3A'),
  p('4', 'Daan', 'Vries', '1C', 'de'),
  p('5', 'Demi', 'Visser', '1C'),
  p('6', 'Mesut', 'Özil', '4H'),
  p('7', 'Chloë', 'Dubois', '2B'),
  p('8', 'Jan', 'Berg', '3A', 'van den'),
  p('9', 'Jan', 'Smit', '2B', undefined, '2026-07-01'),
  p('10', 'Anna', 'Jansen', '1C'),
];
const ids = (q: string, limit?: number) => searchPupils(roster, q, limit).map((x) => x.id);

describe('searchPupils', () => {
  it.each([
    ['vd berg', ['8', '1']],
    ['v.d. berg', ['8', '1']],
    ['van der', ['1']],
    ['vanderberg', ['1']],
    // 'de v' reads as 'de Vries' first, then as 'De(mi) V(isser)', then as particles 'v(an) de(n/r)'
    ['de v', ['4', '5', '8', '1']],
    ['ozil', ['6']],
    ['ÖZIL', ['6']],
    ['chloe', ['7']],
    ['Chloë', ['7']],
    ['jan 2b', ['2']],
    ['jan', ['8', '2', '3', '10']], // whole first names, then a first name starting with it, then a last name
    ['2b', ['1', '7', '2']], // class matches, by last name: Berg, Dubois, Jansen
    ['sanne van', ['1']],
    ['berg jan', ['8']],
    ['smit', []],
    ['   ', []],
    ['xyz', []],
  ])('finds %p as %p', (query, want) => {
    expect(ids(query)).toEqual(want);
  });

  it('never finds a pupil who left', () => {
    expect(ids('jan 2b')).not.toContain('9');
  });

  it('returns at most 15 by default and honours a smaller limit', () => {
    const many = Array.from({ length: 20 }, (_, i) =>
      p(`m${String(i).padStart(2, '0')}`, 'Lotte', `Achternaam${String(i).padStart(2, '0')}`, '1A'),
    );
    expect(searchPupils(many, 'lotte')).toHaveLength(15);
    expect(searchPupils(many, 'lotte').map((x) => x.id)[0]).toBe('m00');
    expect(ids('jan', 2)).toEqual(['8', '2']);
  });

  it('gives the same order whatever the roster order', () => {
    expect(searchPupils([...roster].reverse(), 'jan').map((x) => x.id)).toEqual(ids('jan'));
  });
});

describe('displayName', () => {
  it.each([
    [roster[0], 'Sanne van der Berg'],
    [roster[1], 'Jan Jansen'],
    [roster[5], 'Mesut Özil'],
  ])('writes %o as %s', (pupil, name) => {
    expect(displayName(pupil)).toBe(name);
  });
});
