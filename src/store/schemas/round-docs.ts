import { z } from 'zod';

/** Documents of the 1-2-3 round (S7) in the `cases` container, checked when read back. */
const LevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const RoundDocSchema = z.object({
  id: z.string(),
  type: z.literal('round'),
  schoolId: z.string(),
  roundId: z.string(),
  roundNo: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  opensOn: z.string(),
  deadline: z.string(),
  status: z.enum(['open', 'closed']),
  openedAt: z.string(),
  openedBy: z.string(),
  closedAt: z.string().optional(),
  missed: z.boolean().optional(),
});
export type RoundDoc = z.infer<typeof RoundDocSchema>;

export const PupilScoreSchema = z.object({ pupilId: z.string(), level: LevelSchema, note: z.string().optional() });

export const RoundPageDocSchema = z.object({
  id: z.string(),
  type: z.literal('roundPage'),
  schoolId: z.string(),
  roundId: z.string(),
  classId: z.string(),
  className: z.string(),
  page: z.number().int().min(0),
  savedBy: z.string(),
  savedAt: z.string(),
  late: z.boolean(),
  scores: z.array(PupilScoreSchema),
});
export type RoundPageDoc = z.infer<typeof RoundPageDocSchema>;

/** One pupil's level in one round: what trends are read from (no note: notes live on the page). */
export const ScoreDocSchema = z.object({
  id: z.string(),
  type: z.literal('score'),
  schoolId: z.string(),
  roundId: z.string(),
  pupilId: z.string(),
  classId: z.string(),
  level: LevelSchema,
  savedAt: z.string(),
});
export type ScoreDoc = z.infer<typeof ScoreDocSchema>;

export const roundDocId = (roundId: string) => `round:${roundId}`;
export const roundPageDocId = (roundId: string, classId: string, page: number) =>
  `roundPage:${roundId}:${classId}:${page}`;
export const scoreDocId = (roundId: string, pupilId: string) => `score:${roundId}:${pupilId}`;
