import { z } from 'zod';
import type { OutboxMessage, OutboxTarget } from '../../app/core/ports';

/**
 * An outbox message: a notification decided inside a use case and written in the same
 * transactional batch as the state change that caused it; delivered later by the outbox runner.
 * The payload names what to render, not the rendered card, so a card shows the state at delivery.
 */
export const OutboxTargetSchema: z.ZodType<OutboxTarget> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: z.string() }),
  z.object({ kind: z.literal('channel'), channel: z.enum(['ot', 'coordinators']) }),
]);

export const OutboxPayloadSchema = z
  .object({
    /** what to render: a notification kind known to the bot's renderer */
    kind: z.string(),
    signalId: z.string().optional(),
    /** update the copies of a card sent earlier, in place, instead of sending a new message */
    updateOf: z.string().optional(),
    params: z.record(z.union([z.string(), z.number(), z.boolean()])).default({}),
  })
  .passthrough();
export type OutboxPayload = z.infer<typeof OutboxPayloadSchema>;

export const OUTBOX_STATUSES = ['pending', 'waiting', 'sent', 'dead'] as const;
export const OutboxDocSchema = z.object({
  id: z.string(),
  type: z.literal('outbox'),
  schoolId: z.string(),
  target: OutboxTargetSchema,
  payload: OutboxPayloadSchema,
  /** ordering key within one conversation */
  createdAt: z.string(),
  seq: z.number().int(),
  dueAt: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int().min(0),
  lastError: z.string().optional(),
  sentAt: z.string().optional(),
  /** set when a recipient could not be reached and the coordinator was told */
  unreachableNotified: z.boolean().optional(),
  /** while a runner is sending it: the end of its claim (dueAt then equals it); never reset by retryNow */
  claimedUntil: z.string().optional(),
  ttl: z.number().int().optional(),
});
export type OutboxDoc = z.infer<typeof OutboxDocSchema>;

/** What a use case queues (the app's `OutboxMessage`), with any kind: the store also holds kinds of other versions. */
export type NewOutboxMessage = Omit<OutboxMessage, 'payload'> & { payload: OutboxPayload };

export function outboxDoc(schoolId: string, msg: NewOutboxMessage, now: Date, seq: number): OutboxDoc {
  return {
    id: `outbox:${msg.key}`,
    type: 'outbox',
    schoolId,
    target: msg.target,
    payload: msg.payload,
    createdAt: now.toISOString(),
    seq,
    dueAt: msg.dueAt ?? now.toISOString(),
    status: 'pending',
    attempts: 0,
  };
}

/** Delivered copies of a card, so later changes can update them in place. */
export const DeliveryDocSchema = z.object({
  id: z.string(),
  type: z.literal('delivery'),
  schoolId: z.string(),
  subjectId: z.string(),
  target: OutboxTargetSchema,
  conversationId: z.string(),
  activityId: z.string(),
  at: z.string(),
  ttl: z.number().int().optional(),
});
export type DeliveryDoc = z.infer<typeof DeliveryDocSchema>;
export const deliveryDocId = (subjectId: string, target: OutboxTarget) =>
  `delivery:${subjectId}:${target.kind === 'user' ? target.userId : 'channel-' + target.channel}`;

/** The conversation a message goes to, as one key: messages with the same key are delivered in order. */
export const conversationKeyOf = (doc: Pick<OutboxDoc, 'schoolId' | 'target'>): string =>
  `${doc.schoolId}|${doc.target.kind === 'user' ? 'user:' + doc.target.userId : 'channel:' + doc.target.channel}`;
