import { z } from 'zod';
import { CATEGORIES, OUTCOMES, SIGNAL_STATES, URGENCIES } from '../../domain/signal';

/** A signal as stored in the `cases` container; checked when read back. */
const Level = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const HistoryEntrySchema = z
  .object({
    at: z.string(),
    actorId: z.string(),
    action: z.string(),
    fromState: z.enum(SIGNAL_STATES).optional(),
    toState: z.enum(SIGNAL_STATES).optional(),
    level: Level.optional(),
    note: z.string().optional(),
    visibility: z.enum(['all', 'care']),
  })
  .passthrough();

export const SignalDocSchema = z
  .object({
    id: z.string(),
    type: z.literal('signal'),
    schoolId: z.string(),
    reference: z.string(),
    pupilId: z.string(),
    reporterId: z.string(),
    categories: z.array(z.enum(CATEGORIES)),
    reporterLevel: z.union([z.literal(2), z.literal(3)]),
    workerLevel: Level.optional(),
    observation: z.string(),
    alreadyKnown: z.object({ pupil: z.boolean(), parents: z.boolean(), mentor: z.boolean() }),
    urgency: z.enum(URGENCIES),
    state: z.enum(SIGNAL_STATES),
    ownerId: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
    lastChangeBy: z.string(),
    watch: z.object({ checkInDate: z.string() }).passthrough().optional(),
    outcome: z.enum(OUTCOMES).optional(),
    closedAt: z.string().optional(),
    escalation: z
      .object({ status: z.enum(['open', 'claimed', 'returned']) })
      .passthrough()
      .optional(),
    questions: z
      .array(z.object({ id: z.string(), question: z.string(), askedBy: z.string(), askedAt: z.string() }).passthrough())
      .default([]),
    history: z.array(HistoryEntrySchema),
    reannouncedAt: z.string().optional(),
    submissionId: z.string().optional(),
    ttl: z.number().int().optional(),
  })
  .passthrough();
export type SignalDoc = z.infer<typeof SignalDocSchema>;

export const signalDocId = (submissionId: string) => `signal:${submissionId}`;

export const CounterDocSchema = z.object({
  id: z.string(),
  type: z.literal('counter'),
  schoolId: z.string(),
  value: z.number().int().min(0),
});
export const counterDocId = (name: string) => `counter:${name}`;
