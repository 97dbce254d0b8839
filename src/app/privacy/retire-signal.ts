import type { OutboxMessage } from '../core/ports';
import { PRIVACY_NOTIFY, type DeliveryRecord, type PrivacyPort } from './privacy-ports';

export type RemovalReason = 'retention' | 'erasure';

/**
 * The neutral update of one Teams copy. The delivery record itself is removed with the signal, so
 * the message carries where the copy lives (a tombstone: conversation and activity id, nothing
 * about the pupil) and the sender updates it in place from there.
 */
export function neutralUpdate(signalId: string, d: DeliveryRecord, reason: RemovalReason): OutboxMessage {
  const who = d.target.kind === 'user' ? d.target.userId : `channel-${d.target.channel}`;
  return {
    key: `${d.subjectId}:removed:${who}`,
    target: d.target,
    payload: {
      kind: PRIVACY_NOTIFY.messageRemoved,
      updateOf: d.subjectId,
      params: {
        reason,
        tombstoneConversationId: d.conversationId,
        tombstoneActivityId: d.activityId,
        removedSignal: signalId,
      },
    },
  };
}

/**
 * Removes one signal for good (retention or erasure): its outbox messages and delivery records go
 * with it, and every Teams copy the bot posted about it is overwritten with a neutral text.
 * Idempotent: a second run finds nothing left and queues nothing new.
 */
export async function retireSignal(
  privacy: PrivacyPort,
  schoolId: string,
  signalId: string,
  reason: RemovalReason,
  now: Date,
): Promise<{ deliveries: number; outbox: number; signal: boolean }> {
  const deliveries = await privacy.deliveriesAbout(schoolId, signalId);
  const updates = deliveries.map((d) => neutralUpdate(signalId, d, reason));
  return privacy.removeSignal(schoolId, signalId, updates, now);
}
