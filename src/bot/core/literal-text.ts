import { cleanUserText } from '../../domain/text';

/**
 * User-written text (observations, notes, questions, answers, reasons, summaries, names and
 * class names from a roster) is shown as literal text: never a link, an image or formatting.
 *
 * Views do not escape; they mark: `literal(text)` wraps user text in two Unicode noncharacters
 * (which `cleanUserText` keeps out of stored text), so the mark survives being composed into a
 * bot sentence ("Notitie van ${name}: ${note}"). `renderCard` then finishes every string of the
 * card once: in the fields Teams reads as Markdown (TextBlock.text, Fact.title, Fact.value) the
 * marked parts are escaped with `escapeMarkdown`; everywhere else (choice titles, input values,
 * action data) the marks are just removed. Text that leaves the bot in another way (a plain
 * message, a typeahead answer) goes through `markdownOf` or `plainOf` likewise.
 */

const OPEN = '\ufdd0';
const CLOSE = '\ufdd1';
const MARKS = /[\ufdd0\ufdd1]/g;
const MARKED = /\ufdd0([^\ufdd0\ufdd1]*)\ufdd1/g;

/** Marks user-written text to be shown literally (see above). */
export const literal = (text: string): string => `${OPEN}${text.replace(MARKS, '')}${CLOSE}`;

/** The string with its marks removed: for fields Teams shows as plain text. */
export const plainOf = (s: string): string => s.replace(MARKS, '');

/** The string for a Markdown field: every marked part escaped, then any stray mark removed. */
export const markdownOf = (s: string): string =>
  s.replace(MARKED, (_, text: string) => escapeMarkdown(text)).replace(MARKS, '');

/** true when the string holds a mark (a test helper's question: did a mark leak out?). */
export const hasMarks = (s: string): boolean => /[\ufdd0\ufdd1]/.test(s);

/**
 * Escapes text for Teams' Markdown (Adaptive Card TextBlock and Fact; also the Markdown export),
 * so it is shown exactly as typed. Teams renders **bold**, _italic_, `- ` and `1. ` lists and
 * [links](url); the Adaptive Cards renderers also parse images, code, HTML-ish `<…>` (iOS) and
 * entities. CommonMark lets any ASCII punctuation be escaped with a backslash, which the reader
 * does not see. Escaped:
 * - everywhere: `\` `*` `_` `` ` `` `~` `[` `]` `<` `>` `&` `{` (the last keeps `{{DATE(…)}}` from
 *   being formatted), and `(` right after `]`, so even a renderer that ignored the backslashes
 *   could not find `](`, the heart of a link or image;
 * - at the start of a line: `#`, `-`, `+`, `=` and a number followed by `.` or `)` (headings,
 *   lists, setext underlines);
 * - `://` and `www.`, so a bare address is not turned into a link by an auto-linker.
 * Text stored before the user-text rule existed is cleaned by it here too (no NUL in an export).
 *
 * Evidence: Teams renders Markdown in TextBlock.text, Fact.title and Fact.value only (learn.microsoft.com,
 * "Format cards in Teams"). Teams desktop and web honour backslash escapes; the mobile renderers did
 * not at first (microsoft/AdaptiveCards#5590) and were fixed for `\*` and friends in 2023-24
 * (Teams-AdaptiveCards-Mobile PRs 58 and 83). Where escapes are still ignored a stray `\` shows,
 * but no link: `](` is always broken. Whether a Teams client auto-links a bare address in a card is
 * not documented, so addresses are broken too.
 */
export function escapeMarkdown(text: string): string {
  return cleanUserText(text)
    .replace(/[\\*_`~[\]<>&{]/g, '\\$&')
    .replace(/\\\]\(/g, '\\]\\(')
    .replace(/^(\s*)([#+=-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2')
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`);
}
