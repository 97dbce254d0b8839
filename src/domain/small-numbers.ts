/**
 * Small-number suppression for figures that leave the school (region digests): a count from 1
 * to threshold-1 could point at one pupil, so it is shown as '<5'. Zero stays 0.
 */
export const SMALL_NUMBER_THRESHOLD = 5;

export type ShownCount = number | `<${number}`;

export const suppressCount = (n: number, threshold = SMALL_NUMBER_THRESHOLD): ShownCount =>
  n > 0 && n < threshold ? `<${threshold}` : n;

export const isSuppressed = (n: number, threshold = SMALL_NUMBER_THRESHOLD): boolean => n > 0 && n < threshold;

export const suppressRecord = <K extends string | number>(
  r: Record<K, number>,
  threshold = SMALL_NUMBER_THRESHOLD,
): Record<K, ShownCount> => {
  const out = {} as Record<K, ShownCount>;
  for (const k of Object.keys(r) as K[]) out[k] = suppressCount(r[k], threshold);
  return out;
};
