/**
 * Finds what user text must never become in a card or an export (issue 19): a Markdown link or
 * image, a bare address an auto-linker would turn into a link, a control, bidi or hidden
 * character, or a user-text mark (U+FDD0/U+FDD1) that leaked out of the bot.
 */

/** true when the character at `i` is escaped by an odd number of backslashes before it. */
const escaped = (s: string, i: number): boolean => {
  let n = 0;
  for (let j = i - 1; j >= 0 && s[j] === '\\'; j -= 1) n += 1;
  return n % 2 === 1;
};

/**
 * The Markdown links and images in `s` whose brackets are not escaped: an unescaped `[`, later an
 * unescaped `]` directly followed by an unescaped `(`. Returns the matched texts.
 */
export function unescapedLinks(s: string): string[] {
  const found: string[] = [];
  for (let open = s.indexOf('['); open >= 0; open = s.indexOf('[', open + 1)) {
    if (escaped(s, open)) continue;
    for (let close = s.indexOf(']', open + 1); close >= 0; close = s.indexOf(']', close + 1)) {
      if (escaped(s, close)) continue;
      if (s[close + 1] === '(') found.push(s.slice(Math.max(0, open - 1), s.indexOf(')', close) + 1 || undefined));
      break;
    }
  }
  return found;
}

/** Bare addresses (`scheme://`, `www.`) that are not broken by a backslash. */
export const bareAddresses = (s: string): string[] =>
  [...s.matchAll(/(?:[a-z][a-z0-9+.-]*:\/\/|\bwww\.)/gi)].filter((m) => !m[0].includes('\\')).map((m) => m[0]);

const CONTROL =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufdd0\ufdd1]/;

/** Every problem in one piece of shown text, in words (empty when it is safe). */
export function literalTextProblems(s: string): string[] {
  const problems = unescapedLinks(s).map((l) => `link or image ${JSON.stringify(l)}`);
  problems.push(...bareAddresses(s).map((a) => `bare address ${a}`));
  if (CONTROL.test(s))
    problems.push(
      `control, bidi, hidden or mark character U+${s.codePointAt(s.search(CONTROL))!.toString(16).toUpperCase().padStart(4, '0')}`,
    );
  return problems;
}

/** The texts Teams reads as Markdown in a card (TextBlock.text, Fact.title, Fact.value), anywhere in `value`. */
export function markdownTexts(value: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
    if (o.type === 'FactSet' && Array.isArray(o.facts))
      for (const f of o.facts as Record<string, unknown>[]) out.push(String(f.title ?? ''), String(f.value ?? ''));
    Object.values(o).forEach(walk);
  };
  walk(value);
  return out;
}

/** Every string anywhere in `value` (for the leak check: no mark, no control character). */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allStrings);
  return [];
}
