import { log } from '../log';
import type { DirectoryRepository } from '../store/directory-repository';
import type { OutboxRepository } from '../store/outbox-repository';
import { conversationKeyOf, type OutboxDoc } from '../store/schemas/outbox-doc';
import type { Versioned } from '../store/doc-store';
import { CONVERSATION_WINDOWS, SlidingLimiter, TENANT_WINDOWS } from './rate-limiter';
import { schoolDayOf, undeliverableNotices } from './undeliverable-notices';
import { againAfterStoreFault } from '../store/store-fault-retry';
import { schoolClosedDays } from '../domain/school-closed-days';

import type { DeliveryResult } from '../app/core/ports';
export type { DeliveryResult };

export type Deliver = (doc: OutboxDoc) => Promise<DeliveryResult>;

export const MAX_ATTEMPTS = 10;
/**
 * Conversations delivered at once. Each message costs a few store round trips before its send, so
 * keeping the tenant's 50/s busy takes more than a handful of workers; the limiters pace them.
 */
const DELIVERY_WORKERS = 32;
/** Passes at once: one may be held by a slow send while the next delivers what came since. */
const MAX_PASSES = 2;
const CLAIM_MS = 60_000;
const SENT_TTL_SECONDS = 7 * 24 * 3600;

/** Exponential backoff with full jitter: 1 s, 2 s, 4 s … capped at 5 minutes. */
export function backoffMs(attempt: number, random: () => number = Math.random, baseMs = 1000): number {
  const cap = Math.min(300_000, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(cap / 2 + (random() * cap) / 2);
}

/**
 * Delivers due outbox messages: each claimed with its ETag (so two instances never send the same
 * message), sent in order per conversation within Teams' rate limits, retried with backoff on
 * 429/5xx/network errors, parked when the recipient cannot be reached yet (and the coordinator
 * told), and given up only with a visible trace.
 */
export class OutboxRunner {
  private timer?: NodeJS.Timeout;
  /** passes under way; at most MAX_PASSES at once */
  private passes = 0;
  /** a pass is reading what is due (kicks meanwhile start a pass right after it) */
  private querying = false;
  private kickedWhileQuerying = false;
  private again = false;
  /** conversations a pass has taken (queued or being sent): other passes leave them alone */
  private readonly inFlight = new Set<string>();
  /** conversations a pass skipped because another had them: look again when that one is done */
  private readonly skipped = new Set<string>();
  /** true until start(): a runner that was never started (DISABLE_JOBS) ignores kicks too */
  private stopped = true;
  private readonly perConversation = new SlidingLimiter(CONVERSATION_WINDOWS);
  private readonly perTenant = new SlidingLimiter(TENANT_WINDOWS);
  stats = { sent: 0, retried: 0, parked: 0, dead: 0, skipped: 0 };

  constructor(
    private readonly deps: {
      outbox: OutboxRepository;
      directory: DirectoryRepository;
      deliver: Deliver;
      now: () => Date;
      pollMs: number;
      backoffBaseMs?: number;
      teamsRateLimits?: boolean;
    },
  ) {}

  start(): void {
    this.stopped = false;
    const loop = async () => {
      if (this.stopped) return;
      await this.runOnce().catch((err) =>
        log.error('outbox.tick_failed', { error: String((err as Error)?.name ?? 'Error') }),
      );
      if (!this.stopped) this.timer = setTimeout(loop, this.deps.pollMs);
    };
    this.timer = setTimeout(loop, 10);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.passes > 0) await new Promise((r) => setTimeout(r, 10));
  }

  /**
   * Wake up now (a turn just queued messages). A pass that is still sending (a slow or unreachable
   * endpoint can hold a send for seconds, with the SDK's own retries) does not hold up new
   * messages to other conversations: a second pass starts beside it.
   */
  kick(): void {
    if (this.stopped) return;
    if (this.querying) {
      this.kickedWhileQuerying = true;
      return;
    }
    if (this.passes >= MAX_PASSES) {
      this.again = true;
      return;
    }
    setImmediate(() => void this.runOnce().catch(() => undefined));
  }

  /** One pass over what is due (and more while there is more); returns how many messages it handled. */
  async runOnce(): Promise<number> {
    if (this.querying || this.passes >= MAX_PASSES) {
      this.again = true;
      return 0;
    }
    this.passes++;
    let handled = 0;
    try {
      do {
        this.again = false;
        const { queue, dueCount } = await this.takeDue();
        if (this.kickedWhileQuerying) {
          this.kickedWhileQuerying = false;
          this.kick();
        }
        const handledBefore = handled;
        const workers = Array.from({ length: Math.min(DELIVERY_WORKERS, queue.length) }, async () => {
          for (let g = queue.shift(); g; g = queue.shift()) {
            const k = conversationKeyOf(g[0].doc);
            try {
              handled += await this.runConversation(g);
            } catch (err) {
              // a store error on one conversation: the others go on; this one is due again next pass
              log.error('outbox.conversation_failed', { error: String((err as Error)?.name ?? 'Error') });
            } finally {
              this.inFlight.delete(k);
              // another pass found newer messages of this conversation while it was ours
              if (this.skipped.delete(k)) this.kick();
            }
          }
        });
        await Promise.all(workers);
        // A full page may hold more: look again, but only when this pass moved something (a page of
        // messages all waiting behind a retried one would otherwise spin without pause).
        if (dueCount === 200 && handled > handledBefore) this.again = true;
      } while (this.again && !this.stopped);
    } finally {
      this.passes--;
    }
    return handled;
  }

  /** Reads what is due and takes the conversations no other pass has, in order, unless held back. */
  private async takeDue(): Promise<{ queue: Versioned<OutboxDoc>[][]; dueCount: number }> {
    this.querying = true;
    try {
      const passAt = this.deps.now();
      const due = await this.deps.outbox.due(passAt, 200);
      // Asked after `due`: a message claimed or made due since is held back here, or in `due` and refused at its claim.
      const held = due.length ? await this.deps.outbox.heldBack(due.map((d) => d.doc)) : undefined;
      const groups = new Map<string, Versioned<OutboxDoc>[]>();
      for (const d of due) {
        const k = conversationKeyOf(d.doc);
        if (!groups.has(k)) groups.set(k, []);
        groups.get(k)!.push(d);
      }
      const queue: Versioned<OutboxDoc>[][] = [];
      for (const [k, g] of groups) {
        if (this.inFlight.has(k)) {
          this.skipped.add(k);
          continue;
        }
        g.sort((a, b) => a.doc.createdAt.localeCompare(b.doc.createdAt) || a.doc.seq - b.doc.seq);
        if (held?.hasEarlier(g[0].doc)) continue;
        this.inFlight.add(k);
        queue.push(g);
      }
      return { queue, dueCount: due.length };
    } finally {
      this.querying = false;
    }
  }

  private async runConversation(docs: Versioned<OutboxDoc>[]): Promise<number> {
    let n = 0;
    for (const doc of docs) {
      const outcome = await this.deliverOne(doc);
      n++;
      if (outcome !== 'done') break; // keep the conversation's order: later messages wait
    }
    return n;
  }

  /**
   * Claims the message with the ETag the `due` query returned (no read first): if anything changed
   * it since — another runner's claim or send, a reschedule — the claim fails and the message, with
   * the rest of its conversation, is left for the next pass, which sees it as it now is.
   */
  private async deliverOne(current: Versioned<OutboxDoc>): Promise<'done' | 'held'> {
    const doc = current.doc;
    const key = conversationKeyOf(doc);
    const now = this.deps.now();
    if (doc.status !== 'pending' || doc.dueAt > now.toISOString()) return 'held';
    const claimEnd = new Date(now.getTime() + CLAIM_MS).toISOString();
    const claimed: OutboxDoc = {
      ...current.doc,
      attempts: current.doc.attempts + 1,
      dueAt: claimEnd,
      claimedUntil: claimEnd,
    };
    const claimedNow = await this.deps.outbox.saveVersioned(claimed, current.etag);
    if (!claimedNow) return 'held';
    // Wait for room in Teams' limits right before sending; checking and taking the slot with no
    // await in between keeps concurrent workers from all seeing the same free slot.
    const arrived: ((at: number) => void)[] = [];
    const tenant = this.deps.teamsRateLimits === false ? '' : await this.tenantKeyOf(doc.schoolId);
    for (;;) {
      if (this.deps.teamsRateLimits === false) break;
      const t = Date.now();
      const wait = Math.max(this.perConversation.waitMs(key, t), this.perTenant.waitMs(tenant, t));
      if (wait <= 0) {
        arrived.push(this.perConversation.take(key, t), this.perTenant.take(tenant, t));
        break;
      }
      await new Promise((r) => setTimeout(r, wait));
    }
    let result: DeliveryResult;
    try {
      result = await this.deps.deliver(claimedNow.doc);
    } catch (err) {
      result = { status: 'retry', error: String((err as Error)?.name ?? 'Error') };
    }
    // Teams has the message by now (or never will): its slot counts from here.
    const returnedAt = Date.now();
    for (const settle of arrived) settle(returnedAt);
    const after = this.deps.now();
    const base: OutboxDoc = { ...claimedNow.doc, claimedUntil: undefined };
    switch (result.status) {
      case 'sent':
        // Teams has the message: a store fault now must not leave it claimed, or it goes out again
        // when the claim ends. Safe to repeat: upserts, and a save that fails (412) once it landed.
        await againAfterStoreFault(async () => {
          // Only the signal card itself is updated in place later; notices and reminders stay as sent.
          if (
            result.activityId &&
            base.payload.signalId &&
            !base.payload.updateOf &&
            base.payload.kind === 'signalCard'
          ) {
            await this.deps.outbox.recordDelivery(
              base.schoolId,
              base.payload.signalId,
              base.target,
              result.conversationId,
              result.activityId,
              after,
            );
          }
          if (result.activityId && base.payload.kind && base.payload.params?.deliveryKey) {
            await this.deps.outbox.recordDelivery(
              base.schoolId,
              String(base.payload.params.deliveryKey),
              base.target,
              result.conversationId,
              result.activityId,
              after,
            );
          }
          await this.deps.outbox.save(
            { ...base, status: 'sent', sentAt: after.toISOString(), lastError: undefined, ttl: SENT_TTL_SECONDS },
            claimedNow.etag,
          );
        });
        this.stats.sent++;
        return 'done';
      case 'skipped':
        await this.deps.outbox.save(
          { ...base, status: 'sent', sentAt: after.toISOString(), lastError: 'skipped', ttl: SENT_TTL_SECONDS },
          claimedNow.etag,
        );
        this.stats.skipped++;
        return 'done';
      case 'waiting':
        return this.park(base, claimedNow.etag, result.reason, now);
      case 'retry': {
        // A person's connection that stayed gone through every attempt (the Playground restarted on
        // another port; in Teams a serviceUrl that moved): wait for their next reference instead.
        if (base.attempts >= MAX_ATTEMPTS && base.target.kind === 'user' && !/^\d+$/.test(result.error))
          return this.park(base, claimedNow.etag, `connection-lost:${result.error}`, now);
        if (base.attempts >= MAX_ATTEMPTS) {
          await this.deps.outbox.save({ ...base, status: 'dead', lastError: result.error }, claimedNow.etag);
          await this.tellCoordinators(base, `gave-up:${result.error}`);
          this.stats.dead++;
          log.error('outbox.dead', { id: base.id, error: result.error, attempts: base.attempts });
          return 'held';
        }
        // The connection failed while the person reconnected (a new reference saved during this
        // send; `retryNow` leaves a message that is being sent alone): try the new one at once.
        const reconnected =
          base.target.kind === 'user' &&
          !/^\d+$/.test(result.error) &&
          (await this.reachableNow(base, 'connection-lost', now));
        const wait = reconnected
          ? 0
          : Math.max(result.afterMs ?? 0, backoffMs(base.attempts, Math.random, this.deps.backoffBaseMs));
        await this.deps.outbox.save(
          { ...base, dueAt: new Date(after.getTime() + wait).toISOString(), lastError: result.error },
          claimedNow.etag,
        );
        this.stats.retried++;
        log.info('outbox.retry', {
          id: base.id,
          error: result.error,
          waitMs: wait,
          attempt: base.attempts,
          reconnected,
        });
        return 'held';
      }
      case 'unreachable':
        // A person Teams refuses (the app removed, the chat gone; in the Playground: not the current
        // user): park it until they open the bot again (installation, a new reference, a first turn).
        if (base.target.kind === 'user') return this.park(base, claimedNow.etag, `unreachable:${result.error}`, now);
        await this.deps.outbox.save({ ...base, status: 'dead', lastError: result.error }, claimedNow.etag);
        await this.tellCoordinators(base, `unreachable:${result.error}`);
        this.stats.dead++;
        log.warn('outbox.unreachable', { id: base.id, error: result.error });
        return 'done';
    }
  }

  /**
   * The key of Teams' per-tenant limit (50 per second per app per tenant) for a school's messages:
   * its tenant as the school doc names it (cached by the directory), so the schools of one board
   * in one tenant share one window. A school whose doc cannot be read counts on its own.
   */
  async tenantKeyOf(schoolId: string): Promise<string> {
    const tenantId = await this.deps.directory.schoolTenant(schoolId).catch(() => undefined);
    return tenantId ? `tenant:${tenantId}` : `school:${schoolId}`;
  }

  /** Parks a message until its recipient can be reached, telling the coordinators (S4). */
  private async park(base: OutboxDoc, etag: string, reason: string, attemptedAt: Date): Promise<'held'> {
    await this.deps.outbox.save(
      { ...base, status: 'waiting', lastError: reason, attempts: 0, unreachableNotified: true },
      etag,
    );
    if (!base.unreachableNotified) await this.tellCoordinators(base, reason);
    this.stats.parked++;
    log.warn('outbox.parked', { id: base.id, reason });
    // A turn may have saved the missing reference (or linked the channel, or reinstalled the app)
    // while this message was being parked, and released before it was parked: look again, so it
    // does not wait for a next change of reference that may never come.
    if (await this.reachableNow(base, reason, attemptedAt))
      await this.deps.outbox.releaseWaiting(base.schoolId, base.target, this.deps.now());
    return 'held';
  }

  private async reachableNow(doc: OutboxDoc, reason: string, attemptedAt: Date): Promise<boolean> {
    if (doc.target.kind === 'user') {
      const conversation = await this.deps.directory.getConversation(doc.schoolId, doc.target.userId);
      if (reason === 'no-conversation-reference') return !!conversation;
      // refused on the reference it had: reachable again only if the person registered since
      return !!conversation && conversation.updatedAt > attemptedAt.toISOString();
    }
    return (
      reason === 'channel-not-linked' &&
      !!(await this.deps.directory.getSchool(doc.schoolId))?.doc.channels[doc.target.channel]?.reference
    );
  }

  /** S4: a signal never silently goes nowhere: the coordinators hear who could not be reached. */
  private async tellCoordinators(doc: OutboxDoc, reason: string): Promise<void> {
    if (doc.payload.kind === 'undeliverable') return;
    const now = this.deps.now();
    const [staff, school] = await Promise.all([
      this.deps.directory.listStaff(doc.schoolId),
      doc.target.kind === 'user' ? this.deps.directory.getSchool(doc.schoolId) : undefined,
    ]);
    const notices = undeliverableNotices(doc, reason, staff, schoolDayOf(now, schoolClosedDays(school?.doc ?? {})));
    if (notices.length) await this.deps.outbox.enqueue(doc.schoolId, notices, now);
  }
}
