import { refuse, ok, type Result } from './result';

/**
 * THE rule for every piece of user-written text that enters Waakvlam (card submits, roster
 * names), applied before anything is stored. Written down once, here:
 *
 * - line endings become `\n`; a tab and the Unicode line/paragraph separators become a space / `\n`;
 * - removed: C0 control characters other than `\n` (NUL, BEL, ESC…), DEL, C1 controls
 *   (U+0080–U+009F), the bidi controls that can reorder what a reader sees (LRM/RLM U+200E/F,
 *   ALM U+061C, embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069), the invisible
 *   characters that can hide or split text (zero-width space U+200B, word joiner and invisible
 *   operators U+2060–U+2064, deprecated format characters U+206A–U+206F, BOM U+FEFF, the
 *   interlinear annotation marks U+FFF9–U+FFFB, tag characters U+E0000–U+E007F), and the
 *   noncharacters U+FDD0–U+FDEF, U+FFFE, U+FFFF (kept for internal use: the bot marks user text
 *   with them, src/bot/core/literal-text.ts);
 * - kept: ZWNJ/ZWJ (U+200C/U+200D), needed by emoji sequences and by Persian and Indic spelling;
 *   they cannot reorder or hide text on their own;
 * - a lone surrogate (not valid UTF-16) becomes U+FFFD;
 * - the result is Unicode NFC (a Mac may send "ë" decomposed).
 *
 * Markdown is NOT touched here: text is stored as the person typed it and escaped when it is
 * shown (src/bot/core/literal-text.ts).
 */
export function cleanUserText(raw: string): string {
  return raw
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(HIDDEN_OR_CONTROL, '')
    .replace(LONE_SURROGATE, '\uFFFD')
    .normalize('NFC');
}

const HIDDEN_OR_CONTROL =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufdd0-\ufdef\ufeff\ufff9-\ufffb\ufffe\uffff]|\udb40[\udc00-\udc7f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Free text as the domain keeps it: cleaned by the rule above, surrounding whitespace trimmed. */
export const normalizeText = (raw: string): string => cleanUserText(raw).trim();

/**
 * Checks free text against a maximum length (UTF-16 code units, as zod's `.max` counts) after
 * normalising it. `field` names the input in the refusal's detail.
 */
export const checkText = (
  raw: string | undefined,
  max: number,
  field: string,
): Result<string, 'text-empty' | 'text-too-long'> => {
  const text = normalizeText(raw ?? '');
  if (text === '') return refuse('text-empty', { field });
  if (text.length > max) return refuse('text-too-long', { field, max, length: text.length });
  return ok(text);
};
