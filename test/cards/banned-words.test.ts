import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { NOT_SHOWN } from '../../src/bot/core/words';
import { stringLiterals } from '../support/string-literals';

/**
 * One word per thing (issue 16, point 8): no user-visible text holds a word users should not see
 * (src/bot/core/words.ts: NOT_SHOWN). User-visible texts are collected from
 * - every text module (src/bot/core/texts.ts, src/bot/**\/*-texts.ts, the refusal catalogue): each
 *   exported value walked recursively, functions called with sample arguments, and every string
 *   literal and template part in the module's source (so branches the samples miss are read too);
 * - every card template in cards/: the literal part of its text, title, label, placeholder,
 *   errorMessage, fallbackText, speak and summary properties;
 * - the Teams app manifest: the app's descriptions and its command descriptions.
 * A `/command` the user types is an identifier, not a word of a sentence, and is skipped.
 */
const ROOT = join(__dirname, '..', '..');

/** Whole words, case-insensitive; a hyphen or letter next to the word makes it another word. */
const BANNED = new RegExp(
  `(?<![\\p{L}\\d_-])(${Object.keys(NOT_SHOWN)
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|')})(?![\\p{L}\\d_-])`,
  'giu',
);
const COMMAND = /(?<![\p{L}\d])\/[a-z]+/gu;

export const bannedWordsIn = (text: string): string[] =>
  [...text.replace(COMMAND, ' ').matchAll(BANNED)].map((m) => m[1].toLowerCase());

type Found = { where: string; text: string };

// ---- text modules -------------------------------------------------------------------------

function textModules(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? textModules(join(dir, e.name)) : /(^|-)texts\.ts$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** A stand-in for any argument: a string, a number, a role-words function, an object of counts. */
const ANY: unknown = new Proxy(() => 'Xx', {
  get: (_t, key) => (key === Symbol.toPrimitive ? (hint: string) => (hint === 'number' ? 2 : 'Xx') : ANY),
  apply: () => 'Xx',
});
const SAMPLE_ARGS: unknown[] = ['Xx', 1, 2, 3, true, false, undefined, ['Ann', 'Bo', 'Cas'], ANY];

/** Every string a value yields: strings, the results of functions over sample arguments, nested objects. */
export function stringsOf(value: unknown, where: string, seen = new Set<unknown>()): Found[] {
  if (typeof value === 'string') return [{ where, text: value }];
  if (value === null || value === undefined || seen.has(value)) return [];
  if (typeof value === 'function') {
    seen.add(value);
    return SAMPLE_ARGS.flatMap((arg) => {
      try {
        const args = Array.from({ length: Math.max(value.length, 1) }, () => arg);
        return stringsOf((value as (...a: unknown[]) => unknown)(...args), `${where}()`, seen);
      } catch {
        return [];
      }
    });
  }
  if (typeof value === 'object') {
    seen.add(value);
    return Object.entries(value).flatMap(([k, v]) => stringsOf(v, `${where}.${k}`, seen));
  }
  return [];
}

function textModuleTexts(): Found[] {
  return [join(ROOT, 'src', 'bot', 'core', 'texts.ts'), ...textModules(join(ROOT, 'src', 'bot'))]
    .filter((f, i, all) => all.indexOf(f) === i)
    .flatMap((file) => {
      const name = relative(ROOT, file);
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- each text module is loaded by its path, found at run time
      const exported = require(file) as Record<string, unknown>;
      return [
        ...Object.entries(exported).flatMap(([k, v]) => stringsOf(v, `${name} ${k}`)),
        ...stringLiterals(readFileSync(file, 'utf8'), { keys: false }).map((text) => ({
          where: `${name} (source)`,
          text,
        })),
      ];
    });
}

// ---- card templates and the manifest --------------------------------------------------------

const CARD_TEXT_KEYS = new Set([
  'text',
  'title',
  'label',
  'placeholder',
  'errorMessage',
  'fallbackText',
  'speak',
  'summary',
]);

function cardTexts(): Found[] {
  const dir = join(ROOT, 'cards');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => {
      const found: Found[] = [];
      const walk = (node: unknown, path: string): void => {
        if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${path}[${i}]`));
        else if (node && typeof node === 'object')
          for (const [k, v] of Object.entries(node)) {
            if (CARD_TEXT_KEYS.has(k) && typeof v === 'string')
              found.push({ where: `cards/${f} ${path}.${k}`, text: v.replace(/\$\{[^}]*\}/g, ' ') });
            else walk(v, `${path}.${k}`);
          }
      };
      walk(JSON.parse(readFileSync(join(dir, f), 'utf8')), '');
      return found;
    });
}

function manifestTexts(): Found[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'appPackage', 'manifest.json'), 'utf8')) as {
    description: Record<string, string>;
    bots: { commandLists?: { commands: { description: string }[] }[] }[];
  };
  return [
    ...Object.entries(manifest.description).map(([k, text]) => ({ where: `manifest description.${k}`, text })),
    ...manifest.bots.flatMap((b) =>
      (b.commandLists ?? []).flatMap((l) =>
        l.commands.map((c) => ({ where: 'manifest command', text: c.description })),
      ),
    ),
  ];
}

/** One line per place and word (a function's sample calls would repeat it), saying what to use instead. */
const problems = (texts: Found[]): string[] => [
  ...new Map(
    texts.flatMap(({ where, text }) =>
      bannedWordsIn(text).map((w): [string, string] => [
        `${where} ${w}`,
        `${where}: "${w}" (gebruik: ${NOT_SHOWN[w.replace(/\s+/g, ' ')]}) in “${text}”`,
      ]),
    ),
  ).values(),
];

describe('one word per thing: no banned word in a user-visible text', () => {
  it('bans the words the glossary says users should not see', () => {
    for (const w of [
      'caseload',
      'update',
      'digest',
      'audittrail',
      'audit trail',
      'owner',
      'eigenaar',
      'dashboard',
      'submit',
    ])
      expect(NOT_SHOWN).toHaveProperty([w]);
  });

  it('finds a banned word as a whole word, in any case, and not inside another word or a command', () => {
    expect(bannedWordsIn('Je caseload')).toEqual(['caseload']);
    expect(bannedWordsIn('**Jouw CASELOAD** — 3')).toEqual(['caseload']);
    expect(bannedWordsIn('Update over je signaal')).toEqual(['update']);
    expect(bannedWordsIn('De audit  trail van Fenna')).toEqual(['audit  trail']);
    expect(bannedWordsIn('De samenvatting van de gesloten 1-2-3 ronde')).toEqual(['1-2-3 ronde']);
    expect(bannedWordsIn('Typ `/ronde` voor de voortgang van de 1-2-3 meting; `/audit 260101`')).toEqual([]);
    expect(bannedWordsIn('Updaten, digestie, bijgewerkt, de eigenaardige status')).toEqual([]);
  });

  it('reads every text module, including the texts its functions return', () => {
    const texts = textModuleTexts().map((t) => t.text);
    expect(texts).toEqual(expect.arrayContaining(['Oppakken', 'Mijn signalen']));
    expect(texts.some((t) => t.startsWith('Je signaal over Xx '))).toBe(true); // a function's result
    expect(texts.some((t) => t.includes('Dit signaal is al opgepakt.'))).toBe(true); // the refusal catalogue
  });

  it('fails when a text module gains a text with a banned word', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the same module object the walk reads
    const { HT } = require('../../src/bot/signals/signal-handling-texts') as { HT: Record<string, unknown> };
    HT.addedForThisTest = (school: string) => `Je caseload bij ${school}`;
    try {
      expect(problems(textModuleTexts()).join('\n')).toMatch(/"caseload".*Je caseload bij Xx/);
    } finally {
      delete HT.addedForThisTest;
    }
  });

  it('has no banned word in a text module or the refusal catalogue', () => {
    expect(problems(textModuleTexts())).toEqual([]);
  });

  it('has no banned word in the literal texts of a card template', () => {
    const texts = cardTexts();
    expect(texts.length).toBeGreaterThan(50);
    expect(problems(texts)).toEqual([]);
  });

  it('has no banned word in the Teams manifest descriptions', () => {
    const texts = manifestTexts();
    expect(texts.length).toBeGreaterThan(5);
    expect(problems(texts)).toEqual([]);
  });
});
