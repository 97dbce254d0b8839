import { cleanUserText, normalizeText } from '../../src/domain/text';
import { cleanName } from '../../src/app/roster/dutch-names';
import { SchoolSettingsFileSchema } from '../../src/app/school/settings-file-schema';

describe('the user-text rule (cleanUserText)', () => {
  it('removes NUL, BEL, ESC, DEL and C1 controls but keeps line breaks', () => {
    expect(cleanUserText('a\u0000b\u0007c\u001bd\u007fe\u0085f\u009fg\nh')).toBe('abcdefg\nh');
  });

  it('unifies line endings and turns tabs and Unicode line separators into space and newline', () => {
    expect(cleanUserText('a\r\nb\rc\u2028d\u2029e\tf')).toBe('a\nb\nc\nd\ne f');
  });

  it('removes every bidi control that can reorder what a reader sees', () => {
    const bidi = '\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069';
    expect(cleanUserText(`fac${bidi}tuur.exe`)).toBe('factuur.exe');
  });

  it('removes invisible characters that can hide or split text, and tag characters', () => {
    expect(cleanUserText('ht\u200btps\u2060:\ufeff//x\u2061\u206a\ufff9y\udb40\udc41\udb40\udc7f')).toBe('https://xy');
  });

  it('keeps ZWJ and ZWNJ, which emoji and some scripts need', () => {
    const family = '\u{1F468}\u200d\u{1F469}\u200d\u{1F467}';
    expect(cleanUserText(family)).toBe(family);
    expect(cleanUserText('می\u200cخواهم')).toBe('می\u200cخواهم');
  });

  it('replaces a lone surrogate with U+FFFD and keeps a valid pair', () => {
    expect(cleanUserText('a\ud800b\udc00c\u{1F600}')).toBe('a\ufffdb\ufffdc\u{1F600}');
  });

  it('composes to NFC, also when a removed character sat between letter and accent', () => {
    expect(cleanUserText('Zoe\u0308')).toBe('Zoë');
    expect(cleanUserText('Zoe\u200b\u0308')).toBe('Zoë');
  });

  it('leaves Markdown as typed: escaping happens when text is shown', () => {
    const md = '[klik](https://evil.example) **vet** _schuin_ <b>x</b>';
    expect(cleanUserText(md)).toBe(md);
  });

  it('trims in normalizeText, and roster names follow the same rule', () => {
    expect(normalizeText('  \u202eabc\u0000 \n')).toBe('abc');
    expect(cleanName(' Mi\u202elan\u0007  van\u200b den Berg ')).toBe('Milan van den Berg');
  });

  it('applies to the texts of the school settings too (name, region, role words), on one line', () => {
    const parsed = SchoolSettingsFileSchema.parse({
      id: 'het-lyceum',
      name: ' Het\u202e Lyceum\n',
      region: 'Regio\u0000\nNoord',
      tenantId: 'f4801c24-a43b-528f-9f61-f21a7d3447a8',
      roleLabels: { mentor: 'coach\u200b' },
    });
    expect([parsed.name, parsed.region, parsed.roleLabels.mentor]).toEqual(['Het Lyceum', 'Regio Noord', 'coach']);
  });

  it('refuses formatting characters and web addresses in the school settings texts, with a Dutch reason', () => {
    const base = { id: 'het-lyceum', region: 'Noord', tenantId: 'f4801c24-a43b-528f-9f61-f21a7d3447a8' };
    for (const name of ['[Lyceum](https://evil.example)', 'Het **Lyceum**', 'zie www.evil.example', 'a\\b']) {
      const r = SchoolSettingsFileSchema.safeParse({ ...base, name });
      expect(r.success ? 'accepted' : r.error.issues[0].message).toContain('geen opmaaktekens');
    }
    expect(
      SchoolSettingsFileSchema.safeParse({ ...base, name: "O.B.S. De Regenboog (Noord) & 't Kofschip" }).success,
    ).toBe(true);
  });
});
