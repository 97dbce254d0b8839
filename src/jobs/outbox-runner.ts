import { log } from '../log';
import type { DirectoryRepository } from '../store/directory-repository';
import type { OutboxRepository } from '../store/outbox-repository';
import { conversationKeyOf, type OutboxDoc } from '../store/schemas/outbox-doc';
import type { Versioned } from '../app/core/ports';
import { DeliveryPass } from '../app/core/delivery-pass';
import { CONVERSATION_WINDOWS, SlidingLimiter, TENANT_WINDOWS } from './rate-limiter';
import { schoolDayOf, undeliverableNotices } from './undeliverable-notices';
import { againAfterStoreFault } from '../store/store-fault-retry';
import { schoolClosedDays } from '../domain/school-closed-days';
import {
  BACKOFF_BASE_MS,
  MAX_ATTEMPTS,
  backoffMs,
  settle,
  type DeliveryResult,
  type Settlement,
  type ThenConversation,
} from '../domain/outbox-settle';

export { MAX_ATTEMPTS, backoffMs };
export type { DeliveryResult };

/** Sends one message; `pass` keeps what the pass's messages share (a signal several cards draw), read once. */
export type Deliver = (doc: OutboxDoc, pass: DeliveryPass) => Promise<DeliveryResult>;

/**
 * Conversations delivered at once. Each message costs a few store round trips before its send, so
 * keeping the tenant's 50/s busy takes more than a handful of workers; the limiters pace them.
 */
const DELIVERY_WORKERS = 32;
/** Passes at once: one may be held by a slow send while the next delivers what came since. */
const MAX_PASSES = 2;
/** How long a claim keeps other runners off a message being sent. */
const CLAIM_MS = 60_000;
/** Due messages read per query; a full page means there may be more. */
const DUE_PAGE_SIZE = 200;
/** The first pass after start(). */
const FIRST_PASS_AFTER_MS = 10;
/** How often stop() looks whether the passes under way have ended. */
const STOP_CHECK_MS = 10;

/** An error's name for the log: never its message, which may name a pupil. */
const errorName = (err: unknown): string => String((err as Error)?.name ?? 'Error');

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
      await this.runOnce().catch((err) => log.error('outbox.tick_failed', { error: errorName(err) }));
      if (!this.stopped) this.timer = setTimeout(() => void loop(), this.deps.pollMs);
    };
    this.timer = setTimeout(() => void loop(), FIRST_PASS_AFTER_MS);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    while (this.passes > 0) await new Promise((r) => setTimeout(r, STOP_CHECK_MS));
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
    setImmediate(() => void this.runOnce().catch((err) => log.error('outbox.kick_failed', { error: errorName(err) })));
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
        const { queue, full } = await this.takeDue();
        const pass = new DeliveryPass();
        if (this.kickedWhileQuerying) {
          this.kickedWhileQuerying = false;
          this.kick();
        }
        const handledBefore = handled;
        const workers = Array.from({ length: Math.min(DELIVERY_WORKERS, queue.length) }, async () => {
          for (let g = queue.shift(); g; g = queue.shift()) {
            const k = conversationKeyOf(g[0].doc);
            try {
              // not `handled += await …`: that reads `handled` before the await and loses the other workers' counts
              const n = await this.runConversation(g, pass);
              handled += n;
            } catch (err) {
              // a store error on one conversation: the others go on; this one is due again next pass
              log.error('outbox.conversation_failed', { error: errorName(err) });
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
        if (full && handled > handledBefore) this.again = true;
      } while (this.again && !this.stopped);
    } finally {
      this.passes--;
    }
    return handled;
  }

  /** Reads what is due and takes the conversations no other pass has, in order, unless held back. */
  private async takeDue(): Promise<{ queue: Versioned<OutboxDoc>[][]; full: boolean }> {
    this.querying = true;
    try {
      const { due, held, full } = await this.deps.outbox.pass(this.deps.now(), DUE_PAGE_SIZE);
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
        if (held.hasEarlier(g[0].doc)) continue;
        this.inFlight.add(k);
        queue.push(g);
      }
      return { queue, full };
    } finally {
      this.querying = false;
    }
  }

  private async runConversation(docs: Versioned<OutboxDoc>[], pass: DeliveryPass): Promise<number> {
    let n = 0;
    for (const doc of docs) {
      const then = await this.deliverOne(doc, pass);
      n++;
      if (then === 'waits') break; // keep the conversation's order: later messages wait
    }
    return n;
  }

  /**
   * One attempt at one message: claim it, send it within Teams' limits, settle what came of it.
   * Answers whether the conversation's later messages may follow in this pass.
   */
  private async deliverOne(current: Versioned<OutboxDoc>, pass: DeliveryPass): Promise<ThenConversation> {
    const claimedAt = this.deps.now();
    const claimed = await this.claim(current, claimedAt);
    if (!claimed) return 'waits';
    const result = await this.send(claimed.doc, pass);
    const after = this.deps.now();
    const base: OutboxDoc = { ...claimed.doc, claimedUntil: undefined };
    const settlement = settle(base, result, after, {
      backoffBaseMs: this.deps.backoffBaseMs ?? BACKOFF_BASE_MS,
      random: Math.random,
    });
    await this.carryOut(settlement, base, claimed.etag, result, claimedAt, after);
    return settlement.then;
  }

  /**
   * Claims the message with the ETag the `due` query returned (no read first): if anything changed
   * it since — another runner's claim or send, a reschedule — the claim fails and the message, with
   * the rest of its conversation, is left for the next pass, which sees it as it now is.
   */
  private async claim(current: Versioned<OutboxDoc>, now: Date): Promise<Versioned<OutboxDoc> | undefined> {
    const doc = current.doc;
    if (doc.status !== 'pending' || doc.dueAt > now.toISOString()) return undefined;
    const claimEnd = new Date(now.getTime() + CLAIM_MS).toISOString();
    const claimed: OutboxDoc = { ...doc, attempts: doc.attempts + 1, dueAt: claimEnd, claimedUntil: claimEnd };
    return this.deps.outbox.saveVersioned(claimed, current.etag);
  }

  /** Sends within Teams' limits; a send that throws counts as failed with the error's name. */
  private async send(doc: OutboxDoc, pass: DeliveryPass): Promise<DeliveryResult> {
    const slots = await this.roomToSend(doc);
    let result: DeliveryResult;
    try {
      result = await this.deps.deliver(doc, pass);
    } catch (err) {
      result = { status: 'failed', failure: { kind: 'error', name: errorName(err) } };
    }
    // Teams has the message by now (or never will): its slot counts from here.
    const returnedAt = Date.now();
    for (const taken of slots) taken(returnedAt);
    return result;
  }

  /**
   * Waits for room in Teams' limits right before sending; checking and taking the slot with no
   * await in between keeps concurrent workers from all seeing the same free slot.
   */
  private async roomToSend(doc: OutboxDoc): Promise<((at: number) => void)[]> {
    if (this.deps.teamsRateLimits === false) return [];
    const key = conversationKeyOf(doc);
    const tenant = await this.tenantKeyOf(doc.schoolId);
    for (;;) {
      const t = Date.now();
      const wait = Math.max(this.perConversation.waitMs(key, t), this.perTenant.waitMs(tenant, t));
      if (wait <= 0) return [this.perConversation.take(key, t), this.perTenant.take(tenant, t)];
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  /** Writes what `settle` decided, tells whom it must, counts and logs it. */
  private async carryOut(
    settlement: Settlement,
    base: OutboxDoc,
    etag: string,
    result: DeliveryResult,
    claimedAt: Date,
    after: Date,
  ): Promise<void> {
    switch (settlement.to) {
      case 'sent':
        if (result.status === 'sent') return this.recordSent(base, etag, result, settlement);
        await this.deps.outbox.save(
          { ...base, status: 'sent', sentAt: settlement.sentAt, lastError: 'skipped', ttl: settlement.ttl },
          etag,
        );
        this.stats.skipped++;
        return;
      case 'waiting':
        return this.park(base, etag, settlement.reason, claimedAt);
      case 'retry':
        return this.retryLater(settlement, base, etag, claimedAt, after);
      case 'dead':
        return this.giveUp(settlement, base, etag);
    }
  }

  /** Due again after the backoff, or at once on the new reference of a person who reconnected. */
  private async retryLater(
    settlement: Extract<Settlement, { to: 'retry' }>,
    base: OutboxDoc,
    etag: string,
    claimedAt: Date,
    after: Date,
  ): Promise<void> {
    // `retryNow` leaves a message that is being sent alone: a person who reconnected during
    // this send is tried on the new reference at once.
    const reconnected = settlement.soonerIfReconnected && (await this.reachableNow(base, 'connection-lost', claimedAt));
    const waitMs = reconnected ? 0 : settlement.waitMs;
    await this.deps.outbox.save(
      { ...base, dueAt: reconnected ? after.toISOString() : settlement.dueAt, lastError: settlement.lastError },
      etag,
    );
    this.stats.retried++;
    log.info('outbox.retry', {
      id: base.id,
      error: settlement.lastError,
      waitMs,
      attempt: base.attempts,
      reconnected,
    });
  }

  /** A message given up: dead with its reason, the coordinators told when `settle` says so. */
  private async giveUp(settlement: Extract<Settlement, { to: 'dead' }>, base: OutboxDoc, etag: string): Promise<void> {
    await this.deps.outbox.save({ ...base, status: 'dead', lastError: settlement.lastError }, etag);
    if (settlement.tell) await this.tellCoordinators(base, settlement.tell);
    this.stats.dead++;
    const fields = { id: base.id, error: settlement.lastError };
    if (settlement.why === 'gave-up') log.error('outbox.dead', { ...fields, attempts: base.attempts });
    else if (settlement.why === 'unreachable') log.warn('outbox.unreachable', fields);
    // the kind and the message id only, nothing about a pupil
    else log.error('outbox.unknown_kind', fields);
  }

  /**
   * Teams has the message: a store fault now must not leave it claimed, or it goes out again when
   * the claim ends. Safe to repeat: upserts, and a save that fails (412) once it landed. A copy
   * that is updated in place later has its delivery record written in the same batch.
   */
  private async recordSent(
    base: OutboxDoc,
    etag: string,
    result: Extract<DeliveryResult, { status: 'sent' }>,
    settlement: Extract<Settlement, { to: 'sent' }>,
  ): Promise<void> {
    const { activityId, conversationId } = result;
    const { payload, target } = base;
    const at = new Date(settlement.sentAt);
    const subjects: string[] = [];
    // Only the signal card itself is updated in place later; notices and reminders stay as sent.
    if (payload.signalId && !payload.updateOf && payload.kind === 'signalCard') subjects.push(payload.signalId);
    if (payload.kind && payload.params?.deliveryKey) subjects.push(String(payload.params.deliveryKey));
    const deliveries = activityId
      ? subjects.map((subjectId) => ({ subjectId, target, conversationId, activityId, at }))
      : [];
    const sent: OutboxDoc = {
      ...base,
      status: 'sent',
      sentAt: settlement.sentAt,
      lastError: undefined,
      ttl: settlement.ttl,
    };
    await againAfterStoreFault(() =>
      deliveries.length ? this.deps.outbox.markSent(sent, etag, deliveries) : this.deps.outbox.save(sent, etag),
    );
    this.stats.sent++;
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
  private async park(base: OutboxDoc, etag: string, reason: string, attemptedAt: Date): Promise<void> {
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
