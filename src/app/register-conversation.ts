import type { Person } from './actors';
import type { ConversationPort, OutboxPort, StoredReference } from './ports';

/**
 * A person opened the bot or wrote to it: keep their personal conversation reference for every
 * school they work at, and release messages that were waiting for it (S2, S4).
 */
export async function registerPersonalConversation(
  deps: { conversations: ConversationPort; outbox: OutboxPort; now: Date },
  person: Person,
  reference: StoredReference,
): Promise<{ released: number }> {
  let released = 0;
  for (const actor of person.actors) {
    const known = await deps.conversations.getConversation(actor.schoolId, person.userId);
    if (!known || known.reference.conversation.id !== reference.conversation.id || known.reference.serviceUrl !== reference.serviceUrl) {
      await deps.conversations.saveConversation(actor.schoolId, person.userId, reference, deps.now);
    }
    released += await deps.outbox.releaseWaiting(actor.schoolId, { kind: 'user', userId: person.userId }, deps.now);
  }
  return { released };
}
