import { createHash } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { log } from '../../log';
import type { BotDeps } from './bot-deps';
import { correlationIdOf } from './correlation';
import { personOf } from './turn';

/** How long a marker is kept: Teams redelivers within minutes; a week is ample. */
export const PROCESSED_MARKER_TTL_SECONDS = 7 * 24 * 3600;

/** The marker key: activity ids are unique per conversation only, and may hold characters Cosmos ids may not. */
export function processedKey(conversationId: string, activityId: string): string {
  return createHash('sha256').update(`${conversationId}\n${activityId}`).digest('hex').slice(0, 40);
}

/**
 * Teams redelivers an activity when a turn is slow, sometimes with the same activity id. A
 * message (command) is handled at most once per activity id.
 *
 * - Every command is checked against what this process handled recently (no store round trip).
 * - A command that changes something (`shared`: /ronde open, /koppel, /overzicht kanaal, /vergeet, /inzage…)
 *   also creates a marker in the store before it is handled, so a redelivery to another instance
 *   is not handled again either; if the marker exists the turn is answered (200) without doing it.
 * - A read-only command (/help, /signaal's card, /mijn) skips the marker: a redelivery
 *   that reaches another instance at worst shows the same answer twice, and stores nothing. That
 *   saves a store write on most turns (issue 9).
 *
 * Card submits are idempotent on their own (submission id and version in the card).
 */
export async function isFirstDelivery(
  deps: BotDeps,
  context: TurnContext,
  opts: { shared: boolean },
): Promise<boolean> {
  const id = context.activity.id;
  if (typeof id !== 'string' || !id) return true;
  const conversationId = typeof context.activity.conversation?.id === 'string' ? context.activity.conversation.id : '';
  const key = processedKey(conversationId, id);
  if (deps.recentActivities && !deps.recentActivities.firstTime(key)) {
    log.info('activity.redelivered', { correlationId: correlationIdOf(context), type: 'message', seenBy: 'process' });
    return false;
  }
  const port = deps.processedActivities;
  if (!opts.shared || !port) return true;
  const person = await personOf(deps, context);
  const schoolId = person.staff[0]?.schoolId ?? '_global';
  const first = await port.markProcessed(schoolId, key, deps.ports.clock.now());
  if (!first)
    log.info('activity.redelivered', { correlationId: correlationIdOf(context), type: 'message', seenBy: 'store' });
  return first;
}
