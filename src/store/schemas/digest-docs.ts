import { z } from 'zod';

/** Documents of the digest capability in the `cases` container, checked when read back. */
export const DIGEST_STATE_ID = 'digest-state';

export const DigestStateDocSchema = z.object({
  id: z.literal(DIGEST_STATE_ID),
  type: z.literal('digestState'),
  schoolId: z.string(),
  lastSlot: z.string(),
  coveredUntil: z.string(),
  postedAt: z.string(),
  baseline: z.boolean().optional(),
});
export type DigestStateDoc = z.infer<typeof DigestStateDocSchema>;

/**
 * A posted digest: counts and signal references only (no names, no notes). The SchoolDigest
 * figures are kept as computed; the schema checks the envelope and that `digest` is an object.
 */
export const DigestSnapshotDocSchema = z.object({
  id: z.string().startsWith('digest:'),
  type: z.literal('digestSnapshot'),
  schoolId: z.string(),
  schoolName: z.string(),
  slotKey: z.string(),
  since: z.string(),
  until: z.string(),
  slotsCovered: z.number().int().min(0),
  late: z.boolean(),
  digest: z
    .object({ generatedAt: z.string(), newSignals: z.object({}).passthrough(), open: z.object({}).passthrough() })
    .passthrough(),
  workerNames: z.record(z.string()).default({}),
  ttl: z.number().int().optional(),
});
export type DigestSnapshotDoc = z.infer<typeof DigestSnapshotDocSchema>;
