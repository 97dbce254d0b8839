import { refuse, ok, type Result } from './result';

/** Free text as the domain keeps it: line endings unified, surrounding whitespace trimmed. */
export const normalizeText = (raw: string): string => raw.replace(/\r\n?/g, '\n').trim();

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
