import type { Person } from './actors';
import type { ConversationPort, OutboxPort, StoredReference } from './ports';

/**
 * A person opened the bot or wrote to it: keep their personal conversation reference for every
 * school they work at, and release messages that were waiting for it (S2, S4).
 *
 * Messages wait only while a person has no reference, so they are released when the reference is
 * new or changed — not on every message (that query ran on every turn). Two gaps are closed
 * elsewhere or here: the outbox runner looks for a reference again right after it parks a message
 * (a reference saved while it parked), and the first turn of each person after this process
 * started releases anyway (a turn that saved the reference but failed before releasing).
 *
 * `reinstalled`: the bot was (re)added to the person's personal chat (installationUpdate add,
 * membersAdded). Teams keeps the conversation id on a reinstall, so the reference may be unchanged
 * while messages wait that Teams refused (403/404) before: release them anyway, and save the
 * reference again so a runner that is parking a refused message right now sees the newer date.
 * Waiting messages are released before the retries are moved up: they are the older ones.
 */
export async function registerPersonalConversation(
  deps: { conversations: ConversationPort; outbox: OutboxPort; now: Date },
  person: Person,
  reference: StoredReference,
  opts: { reinstalled?: boolean } = {},
): Promise<{ released: number }> {
  let released = 0;
  const releasedBefore = deps.conversations.releasedSinceStart;
  for (const actor of person.actors) {
    const known = await deps.conversations.getConversation(actor.schoolId, person.userId);
    const changed = !known || known.reference.conversation.id !== reference.conversation.id || known.reference.serviceUrl !== reference.serviceUrl;
    if (changed || opts.reinstalled) await deps.conversations.saveConversation(actor.schoolId, person.userId, reference, deps.now);
    const key = `${actor.schoolId}|${person.userId}`;
    if (!changed && !opts.reinstalled && releasedBefore?.has(key)) continue;
    released += await deps.outbox.releaseWaiting(actor.schoolId, { kind: 'user', userId: person.userId }, deps.now);
    releasedBefore?.add(key);
    // A new reference (reinstalled, another client): what failed on the old one and waits out a backoff can go now.
    if ((changed && known) || opts.reinstalled) released += (await deps.outbox.retryNow?.(actor.schoolId, { kind: 'user', userId: person.userId }, deps.now)) ?? 0;
  }
  return { released };
}
