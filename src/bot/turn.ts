import { TurnContext, type ConversationReference } from 'botbuilder';
import { resolvePerson, type Person } from '../app/actors';
import type { StoredReference } from '../app/ports';
import type { BotDeps } from './bot-deps';
import type { CardJson } from './cards/render-card';

/** Who sent this activity, with their roles per school from the store (never from the card). */
export function personOf(deps: BotDeps, context: TurnContext): Promise<Person> {
  const from = context.activity.from ?? ({} as { aadObjectId?: string; name?: string });
  return resolvePerson(deps.ports.directory, typeof from.aadObjectId === 'string' ? from.aadObjectId : undefined, typeof from.name === 'string' ? from.name : '');
}

export function referenceOf(context: TurnContext): StoredReference {
  const ref = TurnContext.getConversationReference(context.activity) as ConversationReference;
  return JSON.parse(JSON.stringify(ref)) as StoredReference;
}

export const isPersonal = (context: TurnContext): boolean => {
  const t = context.activity.conversation?.conversationType;
  return !t || t === 'personal';
};

/** The correlation id a turn's log lines and audit entries share. */
export const correlationOf = (context: TurnContext): string => String(context.activity.id ?? '').slice(0, 128);

/** An Action.Execute answer that replaces the card the person clicked. */
export type CardAnswer = CardJson;
