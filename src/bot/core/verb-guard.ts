import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { log } from '../../log';
import type { BotDeps } from './bot-deps';
import type { CardJson } from './render-card';
import { noticeCard } from './notice-card';
import type { Scope, VerbRoute } from './routes';
import { T } from './texts';
import { correlationIdOf } from './correlation';

/**
 * The checks every Action.Execute passes before its handler runs, in one place (issue 19):
 * 1. the conversation is one the verb's cards are sent to (a card forwarded into a channel or
 *    group chat runs there): otherwise a neutral notice naming nothing, and an audit entry;
 * 2. a verb that changes something runs only when its answer can be placed: the invoke names
 *    the message it came from (`replyToId`). Without it the answer could not replace the card and
 *    the turn would fail after its write, and Teams' retry would write again;
 * 3. a verb that changes something carries the version its card was drawn on (the route's
 *    `version` field): without it the click is refused as stale and audited.
 */

/** The route scope of an activity's conversation; undefined for a type Teams does not send. */
export function scopeOfConversation(context: TurnContext): Scope | undefined {
  const t = context.activity.conversation?.conversationType;
  if (t === undefined || t === null || t === 'personal') return 'personal';
  return t === 'channel' ? 'team' : t === 'groupChat' ? 'groupChat' : undefined;
}

/** What an audit entry may name of the card's data: only well-formed ids. */
const CardIdsSchema = z.object({
  schoolId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .catch('_none'),
  signalId: z
    .string()
    .regex(/^signal:[A-Za-z0-9-]{1,64}$/)
    .optional()
    .catch(undefined),
});
const cardIdsOf = (data: unknown) => CardIdsSchema.safeParse(data && typeof data === 'object' ? data : {});

const hasReplyTo = (context: TurnContext): boolean =>
  typeof context.activity.replyToId === 'string' && context.activity.replyToId.length > 0;

/** A card field is present when the card put a value there (a string, possibly empty, or a number). */
const hasField = (data: unknown, field: string): boolean => {
  const v = data && typeof data === 'object' ? (data as Record<string, unknown>)[field] : undefined;
  return typeof v === 'string' || typeof v === 'number';
};

/** Audits a refused command or verb: `action` is the verb or `/command`; ids only when well-formed. */
export async function auditRefusal(
  deps: BotDeps,
  context: TurnContext,
  action: string,
  data: unknown,
  code: string,
): Promise<void> {
  const ids = cardIdsOf(data);
  const from = context.activity.from?.aadObjectId;
  const correlationId = correlationIdOf(context);
  log.info('turn.refused', { correlationId, action: action.slice(0, 60), code });
  await deps.ports.audit.record({
    schoolId: ids.success ? ids.data.schoolId : '_none',
    actorId: typeof from === 'string' && from ? from.slice(0, 128) : 'unknown',
    actorRoles: [],
    action,
    outcome: 'refused',
    code,
    ...(ids.success && ids.data.signalId ? { signalId: ids.data.signalId } : {}),
    correlationId,
  });
}

/** The refusal card when the verb may not run in this turn; undefined when the handler may run. */
export async function refusalBeforeHandler(
  deps: BotDeps,
  context: TurnContext,
  route: VerbRoute,
  data: unknown,
): Promise<CardJson | undefined> {
  const scope = scopeOfConversation(context);
  if (!scope || !route.scopes.includes(scope)) {
    await auditRefusal(deps, context, route.verb, data, 'wrong-conversation');
    return noticeCard(T.cardUnavailable);
  }
  if (!route.readOnly && !hasReplyTo(context)) {
    log.warn('invoke.noReplyTo', { verb: route.verb });
    return noticeCard(T.cardNotPlaced);
  }
  if (route.version && !hasField(data, route.version)) {
    await auditRefusal(deps, context, route.verb, data, 'stale');
    return noticeCard(T.cardStale);
  }
  return undefined;
}

/**
 * Answers an Action.Execute with `card` as the invoke response itself, for the person who clicked
 * (Teams' "replace for the interactor"). teams-ai, given a card with a `refresh`, would instead
 * also replace the message for everyone (one more connector call, and it fails without `replyToId`).
 */
export async function answerInvoke(context: TurnContext, card: CardJson): Promise<void> {
  await context.sendActivity({
    type: 'invokeResponse',
    value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
  });
}
