import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stringLiterals } from '../support/string-literals';

/**
 * Every user-visible Dutch sentence lives in a text module (`texts.ts`, a feature's `*-texts.ts`,
 * the refusal catalogue `refusal-texts.ts`). This scans every other .ts file under src/bot, and
 * src/start-bot.ts, for string literals that read as Dutch: a literal with a space in it and a
 * common Dutch word (je, de, het, een, niet, van, voor…) standing as a word of its own.
 */
const ROOT = join(__dirname, '..', '..');
const DUTCH_WORDS = (
  'je jij jouw jullie de het een niet geen van voor naar bij met deze dit dat wordt zijn kan kun ook ' +
  'nog al er om op en of hier hebt heeft kies typ leerling signaal tot aan gemeld geldig bericht verwijderd onbekende behandeling'
).split(' ');
const DUTCH = new RegExp(`(?<![\\p{L}\\d_-])(${DUTCH_WORDS.join('|')})(?![\\p{L}\\d_-])`, 'iu');

/** texts.ts, a feature's *-texts.ts, the refusal catalogue, and core/words.ts (one word per concept) */
const isTextModule = (file: string): boolean =>
  /(^|[/\\])([a-z-]+-)?texts\.ts$/.test(file) || /core[/\\]words\.ts$/.test(file);

function tsFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFilesUnder(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** A literal that reads as a Dutch sentence: more than one word, and a common Dutch word among them. */
export const looksDutch = (text: string): boolean => /\S\s+\S/.test(text) && DUTCH.test(text);

describe('user-visible Dutch outside the text modules', () => {
  it('tells a Dutch sentence from code strings, log keys and English', () => {
    expect(stringLiterals("await context.sendActivity('Je hebt geen toegang');").filter(looksDutch)).toEqual([
      'Je hebt geen toegang',
    ]);
    expect(stringLiterals('const t = `Signaal ${ref} is ontvangen`;').some(looksDutch)).toBe(true);
    expect(
      stringLiterals("log.info('outbox.sent', { kind: 'de-escalate' }); const s = 'application/json';").some(
        looksDutch,
      ),
    ).toBe(false);
    expect(looksDutch('Could not parse the activity')).toBe(false);
  });

  it('finds none in src/bot (other than the text modules) or src/start-bot.ts', () => {
    const files = [...tsFilesUnder(join(ROOT, 'src', 'bot')), join(ROOT, 'src', 'start-bot.ts')].filter(
      (f) => !isTextModule(f),
    );
    expect(files.length).toBeGreaterThan(50);
    const offenders = files.flatMap((f) =>
      stringLiterals(readFileSync(f, 'utf8'))
        .filter(looksDutch)
        .map((text) => `${relative(ROOT, f)}: ${text}`),
    );
    expect(offenders).toEqual([]);
  });
});
