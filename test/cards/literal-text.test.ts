import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CARDS_DIR, renderCard } from '../../src/bot/core/render-card';
import { escapeMarkdown, literal, markdownOf, plainOf } from '../../src/bot/core/literal-text';
import {
  allStrings,
  bareAddresses,
  literalTextProblems,
  markdownTexts,
  unescapedLinks,
} from '../support/literal-text-check';

const HOSTILE =
  ' [klik hier](https://evil.example/phish) ![](https://evil.example/x.png) **vet** _schuin_ <b>x</b> `code` ~~weg~~ https://evil.example www.evil.example &amp;\n- lijst\n1. nummer\n# kop';

describe('escapeMarkdown (user text in a Markdown field)', () => {
  it('escapes link and image syntax so no link or image is left, also for a renderer that ignores backslashes', () => {
    const out = escapeMarkdown('[klik](https://evil.example) ![](https://evil.example/x.png)');
    expect(out).toBe('\\[klik\\]\\(https\\://evil.example) !\\[\\]\\(https\\://evil.example/x.png)');
    expect(unescapedLinks(out)).toEqual([]);
    expect(out.replace(/\\/g, '')).toContain('[klik](https://evil.example)'); // what a reader sees
    expect(out).not.toContain('](');
  });

  it('escapes emphasis, code, strike-through, HTML-ish tags and entities everywhere', () => {
    expect(escapeMarkdown('**vet** _schuin_ `c` ~~s~~ <b>x</b> &amp; a\\b')).toBe(
      '\\*\\*vet\\*\\* \\_schuin\\_ \\`c\\` \\~\\~s\\~\\~ \\<b\\>x\\</b\\> \\&amp; a\\\\b',
    );
  });

  it('escapes list, heading and setext markers only at the start of a line', () => {
    expect(escapeMarkdown('- a\n+ b\n1. c\n12) d\n# e\n===\nJan-Willem 3. klas')).toBe(
      '\\- a\n\\+ b\n1\\. c\n12\\) d\n\\# e\n\\===\nJan-Willem 3. klas',
    );
  });

  it('breaks bare addresses for auto-linkers and leaves ordinary punctuation alone', () => {
    expect(escapeMarkdown('zie https://evil.example en www.evil.example')).toBe(
      'zie https\\://evil.example en www\\.evil.example',
    );
    expect(escapeMarkdown("Milan van den Berg (3A), 10:30 uur; zo'n 5% minder!")).toBe(
      "Milan van den Berg (3A), 10:30 uur; zo'n 5% minder!",
    );
  });

  it('keeps an Adaptive Cards date function as text', () => {
    expect(escapeMarkdown('{{DATE(2026-12-01T08:00:00Z, SHORT)}}')).toBe('\\{\\{DATE(2026-12-01T08:00:00Z, SHORT)}}');
  });

  it('removes control, bidi and hidden characters that older stored text may still hold', () => {
    expect(escapeMarkdown('a\u0000b\u202ec\u200bd')).toBe('abcd');
  });
});

describe('marking user text (literal, markdownOf, plainOf)', () => {
  it('escapes only the marked parts of a composed sentence', () => {
    const s = `**Notitie** van ${literal('**Jan**')}: ${literal('[x](https://e.example)')}`;
    expect(markdownOf(s)).toBe('**Notitie** van \\*\\*Jan\\*\\*: \\[x\\]\\(https\\://e.example)');
    expect(plainOf(s)).toBe('**Notitie** van **Jan**: [x](https://e.example)');
  });

  it('escapes marked text in TextBlocks and Facts and only unmarks it in inputs, choices and action data', () => {
    const card = renderCard('notice', {
      title: literal('[t](https://e.example)'),
      text: literal('**x**'),
      color: 'Default',
      facts: [{ title: literal('_a_'), value: literal('<b>') }],
    });
    expect(markdownTexts(card)).toEqual(
      expect.arrayContaining(['\\[t\\]\\(https\\://e.example)', '\\*\\*x\\*\\*', '\\_a\\_', '\\<b\\>']),
    );
    expect(allStrings(card).join('')).not.toMatch(/[\ufdd0\ufdd1]/);
  });
});

describe('every card template, with hostile marked text in every field of its sample data', () => {
  const templates = readdirSync(CARDS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));
  /** Every string of the sample becomes marked user text followed by the hostile sample. */
  const hostile = (v: unknown): unknown =>
    typeof v === 'string'
      ? literal(v + HOSTILE)
      : Array.isArray(v)
        ? v.map(hostile)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, hostile(x)]))
          : v;

  it.each(templates)('%s shows no link, image, bare address, control character or mark', (name) => {
    const sample = JSON.parse(readFileSync(path.join(CARDS_DIR, 'samples', `${name}.json`), 'utf8'));
    const card = renderCard(name, hostile(sample) as object);
    const shown = markdownTexts(card);
    expect(shown.some((t) => t.includes('\\[klik hier\\]'))).toBe(true);
    expect(shown.flatMap(literalTextProblems)).toEqual([]);
    expect(allStrings(card).filter((s) => /[\ufdd0\ufdd1]/.test(s))).toEqual([]);
  });

  it('the check itself finds raw links, images and addresses', () => {
    expect(literalTextProblems('a [x](https://e.example) b')).toHaveLength(2);
    expect(unescapedLinks('![](i.png)')).toEqual(['![](i.png)']);
    expect(bareAddresses('see www.e.example')).toEqual(['www.']);
    expect(literalTextProblems('a\u202eb')).toHaveLength(1);
  });
});
