import { CardFactory, MessageFactory, type ConversationReference, type TurnContext } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { OutboxMessage, SignalPort, StoredReference } from '../../app/core/ports';
import { isNotificationKind } from '../../app/core/notification-kinds';
import type { BotDeps } from './bot-deps';
import { renderNotification } from './notification-renderer';
import { withoutConnectorRetries } from './connector-retries';
import { channelUnreachable } from '../escalation/escalation-channel-down';

import type { DeliveryResult } from '../../app/core/ports';
import { UNREACHABLE_STATUSES } from '../../domain/outbox-settle';
import { plainOf } from './literal-text';
import { refreshingFor } from './refresh-recipients';
import type { DeliveryPass } from '../../app/core/delivery-pass';
import { CONFIRMED_REFERENCE_MS } from '../../app/core/register-conversation';
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

/** The key a person's confirmed reference is kept under (ConversationPort.confirmedSinceStart). */
const confirmedKey = (msg: OutboundMessage) =>
  `${msg.schoolId}|${msg.target.kind === 'user' ? msg.target.userId : msg.target.channel}`;

const sameReference = (a: StoredReference, b: StoredReference) =>
  a.conversation.id === b.conversation.id && a.serviceUrl === b.serviceUrl;

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

  /**
   * `pass`: the outbox pass this message goes out in; what its messages share (the signal a card
   * is drawn from) is read once for the pass.
   */
  async deliver(stored: OutboundMessage, pass?: DeliveryPass): Promise<DeliveryResult> {
    const { kind } = stored.payload;
    if (!isNotificationKind(kind)) return { status: 'unknown-kind', kind };
    const msg = { ...stored, payload: { ...stored.payload, kind } };
    const trusted = this.trustedReference(msg);
    if (trusted) {
      const result = await this.deliverOn(msg, trusted, pass);
      if (result.status === 'sent' || result.status === 'skipped') return result;
      // Failed on the reference this process confirmed: another instance may have stored a newer
      // one meanwhile. Read it; on a different one stop trusting the old, and when Teams refused
      // the old (403/404: nothing arrived) send there at once; any other failure is retried later
      // on the stored one (a lost answer may have arrived, so not twice at once).
      const current = await this.storedReference(msg);
      if (!current || sameReference(current, trusted)) return result;
      this.deps.conversations.confirmedSinceStart?.delete(confirmedKey(msg));
      return refusedRecipient(result) ? this.deliverOn(msg, current, pass) : result;
    }
    const reference = await this.storedReference(msg);
    if (!reference)
      return {
        status: 'waiting',
        reason: msg.target.kind === 'user' ? 'no-conversation-reference' : 'channel-not-linked',
      };
    return this.deliverOn(msg, reference, pass);
  }

  private async deliverOn(
    msg: OutboundMessage & { payload: OutboxMessage['payload'] },
    reference: StoredReference,
    pass: DeliveryPass | undefined,
  ): Promise<DeliveryResult> {
    const rendered = await renderNotification(this.depsFor(pass), msg.schoolId, msg);
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

  /**
   * The deps a message's renderer reads through: within a pass, a signal is read once for all the
   * pass's messages about it (a new signal's card to each worker). Only what is drawn is shared;
   * every decision and ETag stays with the turns and the runner's own reads.
   */
  private depsFor(pass: DeliveryPass | undefined): BotDeps {
    if (!pass) return this.deps;
    const signals = this.deps.ports.signals;
    const readOnce: Pick<SignalPort, 'get'> = {
      get: (schoolId, signalId) => pass.once(`signal|${schoolId}|${signalId}`, () => signals.get(schoolId, signalId)),
    };
    // the repository's other methods through its prototype chain, `get` read once per pass
    return {
      ...this.deps,
      ports: { ...this.deps.ports, signals: Object.assign(Object.create(signals) as SignalPort, readOnce) },
    };
  }

  /**
   * A person's reference this process confirmed in one of their turns less than
   * CONFIRMED_REFERENCE_MS ago (the rule a turn trusts it by, register-conversation.ts): sent on
   * without reading it from the store. A send that fails on it reads the stored one (deliver).
   */
  private trustedReference(msg: OutboundMessage): StoredReference | undefined {
    if (msg.target.kind !== 'user') return undefined;
    const confirmed = this.deps.conversations.confirmedSinceStart?.get(confirmedKey(msg));
    if (!confirmed?.reference) return undefined;
    const age = this.deps.ports.clock.now().getTime() - confirmed.atMs;
    return age >= 0 && age < CONFIRMED_REFERENCE_MS ? confirmed.reference : undefined;
  }

  private async storedReference(msg: OutboundMessage): Promise<StoredReference | undefined> {
    if (msg.target.kind === 'user')
      return (await this.deps.conversations.getConversation(msg.schoolId, msg.target.userId))?.reference;
    return this.lookups.channelReference(msg.schoolId, msg.target.channel);
  }
}
