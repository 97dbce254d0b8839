import { CardFactory, MessageFactory, type ConversationReference, type TurnContext } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { OutboxMessage, StoredReference } from '../../app/core/ports';
import { isNotificationKind } from '../../app/core/notification-kinds';
import type { BotDeps } from './bot-deps';
import { renderNotification } from './notification-renderer';
import { withoutConnectorRetries } from './connector-retries';
import { channelUnreachable } from '../escalation/escalation-channel-down';

import type { DeliveryResult } from '../../app/core/ports';
import { UNREACHABLE_STATUSES } from '../../domain/outbox-settle';
import { plainOf } from './literal-text';
import { refreshingFor } from './refresh-recipients';
export type { DeliveryResult };

export interface DeliveryLookups {
  channelReference(schoolId: string, channel: 'ot' | 'coordinators'): Promise<StoredReference | undefined>;
  previousDelivery(
    schoolId: string,
    subjectId: string,
    target: OutboxMessage['target'],
  ): Promise<{ conversationId: string; activityId: string } | undefined>;
}

/** A message as read from the store: its kind is any string until checked against the known kinds. */
export interface OutboundMessage extends Pick<OutboxMessage, 'target'> {
  schoolId: string;
  payload: Omit<OutboxMessage['payload'], 'kind'> & { kind: string };
}

/**
 * Where a copy lives when its delivery record is already gone (a purged or erased signal: the
 * neutral update carries the conversation and activity id itself).
 */
function tombstoneOf(payload: OutboxMessage['payload']): { conversationId: string; activityId: string } | undefined {
  const c = payload.params?.tombstoneConversationId;
  const a = payload.params?.tombstoneActivityId;
  return typeof c === 'string' && typeof a === 'string' && c && a ? { conversationId: c, activityId: a } : undefined;
}

/** What a failed send tells: Teams' HTTP status (with its Retry-After on 429), or no answer at all. */
function classify(err: unknown): DeliveryResult {
  const e = err as {
    statusCode?: number;
    code?: string;
    response?: { headers?: { get?(n: string): string | undefined } };
  };
  const status = e?.statusCode;
  if (typeof status !== 'number')
    return { status: 'failed', failure: { kind: 'connection-lost', code: `${e?.code ?? 'network'}` } };
  const retryAfter = status === 429 ? Number(e.response?.headers?.get?.('retry-after')) : NaN;
  const retryAfterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined;
  return { status: 'failed', failure: { kind: 'http', status, ...(retryAfterMs ? { retryAfterMs } : {}) } };
}

/** Teams refused this person or channel (403/404): they cannot be reached on this reference. */
const refusedRecipient = (result: DeliveryResult): number | undefined =>
  result.status === 'failed' && result.failure.kind === 'http' && UNREACHABLE_STATUSES.has(result.failure.status)
    ? result.failure.status
    : undefined;

/**
 * Sends one outbox message: renders it for its recipient from current state, then either updates
 * the copy sent earlier in place or sends a new message through the stored conversation reference.
 */
export class ProactiveSender {
  constructor(
    private readonly adapter: TeamsAdapter,
    private readonly botAppId: string,
    private readonly deps: BotDeps,
    private readonly lookups: DeliveryLookups,
    /** false: the Bot Connector client does not retry by itself; the outbox owns every retry */
    private readonly connectorRetries = true,
  ) {}

  async deliver(stored: OutboundMessage): Promise<DeliveryResult> {
    const { kind } = stored.payload;
    if (!isNotificationKind(kind)) return { status: 'unknown-kind', kind };
    const msg = { ...stored, payload: { ...stored.payload, kind } };
    const reference = await this.referenceFor(msg);
    if (!reference)
      return {
        status: 'waiting',
        reason: msg.target.kind === 'user' ? 'no-conversation-reference' : 'channel-not-linked',
      };
    const rendered = await renderNotification(this.deps, msg.schoolId, msg);
    if ('skip' in rendered) return { status: 'skipped' };
    // a personal card refreshes by itself for its recipient (the reference's user is their MRI); a channel card on demand
    const recipient = msg.target.kind === 'user' ? (reference.user as { id?: string } | undefined)?.id : undefined;
    const activity = MessageFactory.attachment(CardFactory.adaptiveCard(refreshingFor(rendered.card, recipient)));
    // the summary is plain text (the activity feed's preview): user-text marks removed
    activity.summary = plainOf(rendered.summary);
    const subjectId = msg.payload.updateOf ?? msg.payload.signalId;
    const previous = msg.payload.updateOf
      ? ((await this.lookups.previousDelivery(msg.schoolId, msg.payload.updateOf, msg.target)) ??
        tombstoneOf(msg.payload))
      : undefined;
    if (msg.payload.updateOf && !previous) return { status: 'skipped' };
    try {
      let activityId: string | undefined;
      let conversationId = reference.conversation.id;
      let failure: { error: unknown } | undefined;
      await this.adapter.continueConversationAsync(
        this.botAppId,
        // a JSON copy of botbuilder's ConversationReference (referenceOf in turn.ts), stored opaque
        reference as unknown as Partial<ConversationReference>,
        async (context: TurnContext) => {
          conversationId = context.activity.conversation?.id ?? conversationId;
          if (!this.connectorRetries) withoutConnectorRetries(context);
          try {
            if (previous) {
              activity.id = previous.activityId;
              await context.updateActivity(activity);
              activityId = previous.activityId;
            } else {
              const res = await context.sendActivity(activity);
              activityId = res?.id;
            }
          } catch (err) {
            // Caught here: thrown out of the callback, the adapter's onTurnError would swallow it
            // (and the message would count as sent).
            failure = { error: err };
          }
        },
      );
      if (failure) throw failure.error;
      return { status: 'sent', conversationId, activityId, subjectId };
    } catch (err) {
      const result = classify(err);
      const refused = refusedRecipient(result);
      // A school channel Teams refuses (bot removed from the team): park it until it is linked again.
      if (refused && msg.target.kind === 'channel') return channelUnreachable(this.deps, msg.schoolId, msg);
      // An update in place whose copy is gone (deleted, or sent in an earlier Playground session):
      // nothing is left to update, and the person is not unreachable for that (a 403 still is).
      if (refused === 404 && previous && msg.target.kind === 'user') return { status: 'skipped' };
      return result;
    }
  }

  private async referenceFor(msg: OutboundMessage): Promise<StoredReference | undefined> {
    if (msg.target.kind === 'user')
      return (await this.deps.conversations.getConversation(msg.schoolId, msg.target.userId))?.reference;
    return this.lookups.channelReference(msg.schoolId, msg.target.channel);
  }
}
