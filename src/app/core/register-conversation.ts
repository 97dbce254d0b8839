import type { Person } from './actors';
import type { ConversationPort, OutboxPort, StoredReference } from './ports';

/**
 * How long a reference this process confirmed is trusted without reading it again. Teams keeps a
 * person's personal conversation id; if another instance stored a different reference meanwhile,
 * this process notices within this time (and both references reach the same person).
 */
export const CONFIRMED_REFERENCE_MS = 10 * 60_000;

/**
 * A person opened the bot or wrote to it: keep their personal conversation reference for every
 * school they work at, and release messages that were waiting for it (S2, S4).
 *
 * Messages wait only while a person has no reference, so they are released when the reference is
 * new or changed — not on every message (that query ran on every turn). Two gaps are closed
 * elsewhere or here: the outbox runner looks for a reference again right after it parks a message
 * (a reference saved while it parked), and the first turn of each person after this process
 * started releases anyway (a turn that saved the reference but failed before releasing).
 * A turn with the reference this process confirmed less than CONFIRMED_REFERENCE_MS ago costs no
 * store round trip at all (most turns: a person keeps writing from the same client).
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
  const confirmedRefs = deps.conversations.confirmedSinceStart;
  const nowMs = deps.now.getTime();
  for (const actor of person.actors) {
    const key = `${actor.schoolId}|${person.userId}`;
    const confirmed = confirmedRefs?.get(key);
    const sameAsConfirmed =
      !!confirmed &&
      confirmed.conversationId === reference.conversation.id &&
      confirmed.serviceUrl === reference.serviceUrl;
    if (
      !opts.reinstalled &&
      sameAsConfirmed &&
      nowMs >= confirmed.atMs &&
      nowMs - confirmed.atMs < CONFIRMED_REFERENCE_MS
    )
      continue;
    const known = await deps.conversations.getConversation(actor.schoolId, person.userId);
    const changed =
      !known ||
      known.reference.conversation.id !== reference.conversation.id ||
      known.reference.serviceUrl !== reference.serviceUrl;
    if (changed || opts.reinstalled)
      await deps.conversations.saveConversation(actor.schoolId, person.userId, reference, deps.now);
    // the reference as stored now (the outbox sends on it without reading it: proactive-sender.ts)
    const stored = changed || opts.reinstalled || !known ? reference : known.reference;
    const confirm = () =>
      confirmedRefs?.set(key, {
        conversationId: reference.conversation.id,
        serviceUrl: reference.serviceUrl,
        atMs: nowMs,
        reference: stored,
      });
    if (!changed && !opts.reinstalled && confirmed) {
      confirm();
      continue;
    }
    released += await deps.outbox.releaseWaiting(actor.schoolId, { kind: 'user', userId: person.userId }, deps.now);
    confirm();
    // A new reference (reinstalled, another client): what failed on the old one and waits out a backoff can go now.
    if ((changed && known) || opts.reinstalled)
      released +=
        (await deps.outbox.retryNow?.(actor.schoolId, { kind: 'user', userId: person.userId }, deps.now)) ?? 0;
  }
  return { released };
}
