import { createHash } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { log } from '../log';
import type { BotDeps } from './bot-deps';
import { correlationIdOf } from './correlation';
import { personOf } from './turn';

/** Where "this activity was handled" markers are kept (the `cases` container, with a TTL). */
export interface ProcessedActivityPort {
  /** true for exactly one caller per key; false when the marker already exists (a 409). */
  markProcessed(schoolId: string, key: string, now: Date): Promise<boolean>;
}

/** How long a marker is kept: Teams redelivers within minutes; a week is ample. */
export const PROCESSED_MARKER_TTL_SECONDS = 7 * 24 * 3600;

/** The marker key: activity ids are unique per conversation only, and may hold characters Cosmos ids may not. */
export function processedKey(conversationId: string, activityId: string): string {
  return createHash('sha256').update(`${conversationId}\n${activityId}`).digest('hex').slice(0, 40);
}

/**
 * Teams redelivers an activity when a turn is slow, sometimes with the same activity id. A
 * message (command) is handled at most once per activity id: the marker is created before
 * handling; if it already exists the turn is answered (200) without doing it again.
 * Card submits are idempotent on their own (submission id and version in the card).
 */
export async function isFirstDelivery(deps: BotDeps, context: TurnContext): Promise<boolean> {
  const port = deps.processedActivities;
  const id = context.activity.id;
  if (!port || typeof id !== 'string' || !id) return true;
  const conversationId = typeof context.activity.conversation?.id === 'string' ? context.activity.conversation.id : '';
  const person = await personOf(deps, context);
  const schoolId = person.staff[0]?.schoolId ?? '_global';
  const first = await port.markProcessed(schoolId, processedKey(conversationId, id), deps.ports.clock.now());
  if (!first) log.info('activity.redelivered', { correlationId: correlationIdOf(context), type: 'message' });
  return first;
}
