import { cleanUserText } from '../../domain/text';

/**
 * Dutch names as pupil administrations export them. The *tussenvoegsel* (van, de, van der,
 * van 't…) is kept apart from the last name, so lists sort on "Berg" and show "Milan van den Berg".
 */

/** Single words that make up a tussenvoegsel (after the official table of the Dutch population register, trimmed to the common ones). */
const PARTICLE_WORDS = new Set([
  'van',
  'de',
  'der',
  'den',
  'des',
  'het',
  "'t",
  "'s",
  'te',
  'ten',
  'ter',
  'in',
  'op',
  'aan',
  'bij',
  'onder',
  'over',
  'uit',
  'uijt',
  'voor',
  'tot',
  'la',
  'le',
  'les',
  "l'",
  "d'",
  'du',
  'di',
  'da',
  'dal',
  'del',
  'della',
  'do',
  'dos',
  'el',
  'al',
  'von',
  'vom',
  'zu',
  'zum',
  'zur',
  'auf',
  'aus',
  'am',
  'im',
]);

/**
 * Normalises a name field: the user-text rule (NFC, no control, bidi or hidden characters; see
 * domain/text.ts), line breaks as spaces, single spaces.
 */
export function cleanName(raw: string): string {
  return cleanUserText(raw).replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim();
}

const isParticle = (word: string): boolean => PARTICLE_WORDS.has(word.toLowerCase());

/**
 * Splits known particles off the front of a last name ("van der Berg" → "van der" + "Berg"),
 * and also reads the register style "Berg, van der". At least one word always stays the last
 * name, so "De" alone or "Van" alone is left as it is. Case is kept as exported.
 */
export function splitLastName(raw: string): { lastNamePrefix?: string; lastName: string } {
  const name = cleanName(raw);
  const comma = /^(.+?),\s*(.+)$/.exec(name);
  if (comma && comma[2].split(' ').every(isParticle)) return { lastNamePrefix: comma[2], lastName: comma[1] };
  const words = name.split(' ');
  let n = 0;
  while (n < words.length - 1 && isParticle(words[n])) n += 1;
  if (n === 0) return { lastName: name };
  return { lastNamePrefix: words.slice(0, n).join(' '), lastName: words.slice(n).join(' ') };
}

/** "Milan", "van den", "Berg" → "Milan van den Berg". */
export const fullName = (firstName: string, lastNamePrefix: string | undefined, lastName: string): string =>
  [firstName, lastNamePrefix, lastName].filter((p) => p && p.length > 0).join(' ');
