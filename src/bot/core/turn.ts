import { TurnContext, type ConversationReference } from 'botbuilder';
import { resolvePerson, type Person } from '../../app/core/actors';
import type { StoredReference } from '../../app/core/ports';
import type { BotDeps } from './bot-deps';
import type { CardJson } from './render-card';
import { activityTenant } from '../school/staff-binding';

/**
 * Who sent this activity, with their roles per school from the store (never from the card), and
 * only at schools of the activity's tenant (issue 19). A sender the store does not know by Entra
 * id is looked up once through the Bot Connector and bound to a staff record imported with their
 * UPN/e-mail (issue 14, src/bot/school/staff-binding.ts); known staff cost no extra request.
 */
export async function personOf(deps: BotDeps, context: TurnContext): Promise<Person> {
  const from = context.activity.from ?? ({} as { aadObjectId?: string; name?: string });
  const userId = typeof from.aadObjectId === 'string' ? from.aadObjectId : undefined;
  const name = typeof from.name === 'string' ? from.name : '';
  const tenantId = activityTenant(context);
  const person = await resolvePerson(deps.ports.directory, userId, name, { tenantId });
  if (!userId || !deps.staffBinding) return person;
  const again = () => resolvePerson(deps.ports.directory, userId, name, { tenantId });
  if (person.actors.length > 0)
    return (await deps.staffBinding.bindElsewhere(context, userId, person.staff)) ? again() : person;
  const outcome = await deps.staffBinding.tryBind(context, userId);
  return outcome?.kind === 'bound' || outcome?.kind === 'conflict' ? again() : person;
}

export function referenceOf(context: TurnContext): StoredReference {
  const ref = TurnContext.getConversationReference(context.activity) as ConversationReference;
  return JSON.parse(JSON.stringify(ref)) as StoredReference;
}

export const isPersonal = (context: TurnContext): boolean => {
  const t = context.activity.conversation?.conversationType;
  return !t || t === 'personal';
};

/** An Action.Execute answer that replaces the card the person clicked. */
export type CardAnswer = CardJson;
