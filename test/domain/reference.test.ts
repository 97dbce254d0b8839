import { formatReference, parseReference, schoolYearOf } from '../../src/domain/reference';

describe('signal references', () => {
  it.each([
    [2026, 42, 'S-2026-0042'],
    [2026, 1, 'S-2026-0001'],
    [2026, 9999, 'S-2026-9999'],
    [2027, 10000, 'S-2027-10000'],
  ])('formats year %i number %i as %s and reads it back', (year, seq, text) => {
    expect(formatReference(year, seq)).toBe(text);
    expect(parseReference(text)).toEqual({ year, seq });
  });

  it('reads a reference typed in lower case with spaces around it', () => {
    expect(parseReference('  s-2026-0042 ')).toEqual({ year: 2026, seq: 42 });
  });

  it.each(['S-2026-42', 'S-2026-00042', 'S-2026-0000', 'X-2026-0042', 'S-26-0042', 'S-2026-0042x', ''])(
    'rejects %p',
    (text) => {
      expect(parseReference(text)).toBeUndefined();
    },
  );
});

describe('schoolYearOf', () => {
  it.each([
    ['2026-07-31T21:59:59Z', 2025], // 23:59 on 31 July in Amsterdam
    ['2026-07-31T22:00:00Z', 2026], // midnight, 1 August in Amsterdam
    ['2026-12-31T12:00:00Z', 2026],
    ['2027-01-01T12:00:00Z', 2026],
    ['2027-06-15T12:00:00Z', 2026],
  ])('puts %s in school year %i', (iso, startYear) => {
    expect(schoolYearOf(new Date(iso))).toEqual({ startYear });
  });
});
