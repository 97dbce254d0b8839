/**
 * What becomes of an outbox message after one delivery attempt: a pure decision from the message,
 * the sender's typed result and the time; the outbox runner carries it out (store writes, telling
 * the coordinators, logs).
 */

/** Attempts before a message is given up (a person's lost connection is parked instead). */
export const MAX_ATTEMPTS = 10;
/** First backoff step; each further attempt doubles it. */
export const BACKOFF_BASE_MS = 1000;
/** No backoff waits longer than this. */
export const BACKOFF_CAP_MS = 300_000;
/** How long a sent message is kept (for the delivery trail) before Cosmos' TTL removes it. */
export const SENT_TTL_SECONDS = 7 * 24 * 3600;
/** HTTP statuses Teams answers when a person or channel cannot be reached: never retried. */
export const UNREACHABLE_STATUSES: ReadonlySet<number> = new Set([403, 404]);

/** Why a send did not land, as the sender saw it. */
export type SendFailure =
  /** Teams answered with an error status (429 may say when to come back) */
  | { kind: 'http'; status: number; retryAfterMs?: number }
  /** no HTTP answer: the connection was refused, reset or timed out (`code` as Node names it) */
  | { kind: 'connection-lost'; code: string }
  /** the send threw before or outside the HTTP call (`name` of the error only, never its message) */
  | { kind: 'error'; name: string };

/** What became of one outbox message's delivery attempt (the sender answers, `settle` decides). */
export type DeliveryResult =
  | { status: 'sent'; conversationId: string; activityId?: string; subjectId?: string }
  /** nothing to send (an update in place whose copy is gone, a render that has nothing to show) */
  | { status: 'skipped' }
  /** the recipient cannot be reached yet (no reference, channel not linked): wait for them */
  | { status: 'waiting'; reason: string }
  | { status: 'failed'; failure: SendFailure }
  /** a stored kind this version has no renderer for (written by a newer version): dead, never skipped */
  | { status: 'unknown-kind'; kind: string };

/** The parts of an outbox message the decision reads. */
export interface SettlingMessage {
  /** attempts including the one that just ended */
  attempts: number;
  target: { kind: 'user' | 'channel' };
}

export interface RetryPolicy {
  backoffBaseMs: number;
  /** [0, 1): the jitter of the backoff */
  random: () => number;
}

/** Whether the conversation's later messages may go out in this pass, or wait behind this one. */
export type ThenConversation = 'goes-on' | 'waits';

export type Settlement =
  | { to: 'sent'; sentAt: string; ttl: number; skipped: boolean; then: 'goes-on' }
  /** parked until the recipient can be reached; the coordinators hear it (once) */
  | { to: 'waiting'; reason: string; then: 'waits' }
  /** due again at `dueAt`; a person who reconnected meanwhile may be tried at once */
  | { to: 'retry'; dueAt: string; waitMs: number; lastError: string; soonerIfReconnected: boolean; then: 'waits' }
  /** given up, visibly: `lastError` on the message, `tell` (when set) to the coordinators */
  | {
      to: 'dead';
      lastError: string;
      tell?: string;
      why: 'gave-up' | 'unreachable' | 'unknown-kind';
      then: ThenConversation;
    };

/** Exponential backoff with full jitter: 1 s, 2 s, 4 s … capped at 5 minutes. */
export function backoffMs(attempt: number, random: () => number, baseMs = BACKOFF_BASE_MS): number {
  const cap = Math.min(BACKOFF_CAP_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(cap / 2 + (random() * cap) / 2);
}

/** The error a failure leaves on the message (and in the coordinators' notice): a status or a code, nothing more. */
export function failureCode(failure: SendFailure): string {
  switch (failure.kind) {
    case 'http':
      return String(failure.status);
    case 'connection-lost':
      return failure.code;
    case 'error':
      return failure.name;
  }
}

/** The next state of `message` after an attempt that ended with `result` at `now`. */
export function settle(message: SettlingMessage, result: DeliveryResult, now: Date, policy: RetryPolicy): Settlement {
  const sent = (skipped: boolean): Settlement => ({
    to: 'sent',
    sentAt: now.toISOString(),
    ttl: SENT_TTL_SECONDS,
    skipped,
    then: 'goes-on',
  });
  switch (result.status) {
    case 'sent':
      return sent(false);
    case 'skipped':
      return sent(true);
    case 'waiting':
      return { to: 'waiting', reason: result.reason, then: 'waits' };
    case 'unknown-kind':
      return {
        to: 'dead',
        lastError: `unknown-kind:${result.kind.slice(0, 60)}`,
        why: 'unknown-kind',
        then: 'goes-on',
      };
    case 'failed':
      return settleFailure(message, result.failure, now, policy);
  }
}

function settleFailure(message: SettlingMessage, failure: SendFailure, now: Date, policy: RetryPolicy): Settlement {
  const error = failureCode(failure);
  const toPerson = message.target.kind === 'user';
  if (failure.kind === 'http' && UNREACHABLE_STATUSES.has(failure.status)) {
    // A person Teams refuses (the app removed, the chat gone; in the Playground: not the current
    // user): park it until they open the bot again (installation, a new reference, a first turn).
    if (toPerson) return { to: 'waiting', reason: `unreachable:${error}`, then: 'waits' };
    return { to: 'dead', lastError: error, tell: `unreachable:${error}`, why: 'unreachable', then: 'goes-on' };
  }
  const noAnswer = failure.kind !== 'http';
  // A person's connection that stayed gone through every attempt (the Playground restarted on
  // another port; in Teams a serviceUrl that moved): wait for their next reference instead.
  if (message.attempts >= MAX_ATTEMPTS && toPerson && noAnswer)
    return { to: 'waiting', reason: `connection-lost:${error}`, then: 'waits' };
  if (message.attempts >= MAX_ATTEMPTS)
    return { to: 'dead', lastError: error, tell: `gave-up:${error}`, why: 'gave-up', then: 'waits' };
  const retryAfterMs = failure.kind === 'http' ? (failure.retryAfterMs ?? 0) : 0;
  const waitMs = Math.max(retryAfterMs, backoffMs(message.attempts, policy.random, policy.backoffBaseMs));
  return {
    to: 'retry',
    dueAt: new Date(now.getTime() + waitMs).toISOString(),
    waitMs,
    lastError: error,
    // The connection failed while the person reconnected (a new reference saved during this send):
    // the runner tries the new one at once.
    soonerIfReconnected: toPerson && noAnswer,
    then: 'waits',
  };
}
