import {
  BACKOFF_CAP_MS,
  MAX_ATTEMPTS,
  SENT_TTL_SECONDS,
  backoffMs,
  settle,
  type DeliveryResult,
  type SettlingMessage,
} from '../../src/domain/outbox-settle';

const now = new Date('2026-11-23T08:00:00Z');
const toPerson = (attempts = 1): SettlingMessage => ({ attempts, target: { kind: 'user' } });
const toChannel = (attempts = 1): SettlingMessage => ({ attempts, target: { kind: 'channel' } });
/** jitter at its top: the backoff is its full step */
const policy = { backoffBaseMs: 1000, random: () => 1 };
const http = (status: number, retryAfterMs?: number): DeliveryResult => ({
  status: 'failed',
  failure: { kind: 'http', status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
});
const lost: DeliveryResult = { status: 'failed', failure: { kind: 'connection-lost', code: 'ECONNREFUSED' } };
const at = (ms: number) => new Date(now.getTime() + ms).toISOString();

describe('settling an outbox message after one delivery attempt', () => {
  it('marks a sent message sent now, kept a week, and lets the conversation go on', () => {
    const sent: DeliveryResult = { status: 'sent', conversationId: 'c', activityId: 'a' };
    expect(settle(toPerson(), sent, now, policy)).toEqual({
      to: 'sent',
      sentAt: now.toISOString(),
      ttl: SENT_TTL_SECONDS,
      skipped: false,
      then: 'goes-on',
    });
  });

  it('marks a skipped message (a card copy that is gone) sent as skipped, and the conversation goes on', () => {
    expect(settle(toPerson(), { status: 'skipped' }, now, policy)).toMatchObject({
      to: 'sent',
      skipped: true,
      then: 'goes-on',
    });
  });

  it('parks a message whose recipient has no reference yet, holding the conversation behind it', () => {
    expect(settle(toPerson(), { status: 'waiting', reason: 'no-conversation-reference' }, now, policy)).toEqual({
      to: 'waiting',
      reason: 'no-conversation-reference',
      then: 'waits',
    });
  });

  it('waits out Retry-After when Teams asks for longer than the backoff', () => {
    expect(settle(toChannel(1), http(429, 30_000), now, policy)).toMatchObject({
      to: 'retry',
      waitMs: 30_000,
      dueAt: at(30_000),
      lastError: '429',
      then: 'waits',
    });
  });

  it('backs off exponentially on 429 without Retry-After and on 5xx, and does not look for a reconnect', () => {
    expect(settle(toPerson(1), http(429), now, policy)).toMatchObject({ to: 'retry', waitMs: 1000, lastError: '429' });
    expect(settle(toPerson(3), http(503), now, policy)).toMatchObject({
      to: 'retry',
      waitMs: 4000,
      dueAt: at(4000),
      lastError: '503',
      soonerIfReconnected: false,
    });
  });

  it('retries a lost connection with backoff, sooner if the person reconnected meanwhile', () => {
    expect(settle(toPerson(2), lost, now, policy)).toMatchObject({
      to: 'retry',
      waitMs: 2000,
      lastError: 'ECONNREFUSED',
      soonerIfReconnected: true,
    });
    expect(settle(toChannel(2), lost, now, policy)).toMatchObject({ to: 'retry', soonerIfReconnected: false });
  });

  it('treats a send that threw like a lost connection, naming only the error', () => {
    const threw: DeliveryResult = { status: 'failed', failure: { kind: 'error', name: 'TypeError' } };
    expect(settle(toPerson(MAX_ATTEMPTS), threw, now, policy)).toEqual({
      to: 'waiting',
      reason: 'connection-lost:TypeError',
      then: 'waits',
    });
  });

  it('parks a person Teams refuses (403/404) until they open the bot again', () => {
    expect(settle(toPerson(), http(403), now, policy)).toEqual({
      to: 'waiting',
      reason: 'unreachable:403',
      then: 'waits',
    });
    expect(settle(toPerson(), http(404), now, policy)).toMatchObject({ to: 'waiting', reason: 'unreachable:404' });
  });

  it('gives up a channel Teams refuses, telling the coordinators, and the conversation goes on', () => {
    expect(settle(toChannel(), http(404), now, policy)).toEqual({
      to: 'dead',
      lastError: '404',
      tell: 'unreachable:404',
      why: 'unreachable',
      then: 'goes-on',
    });
  });

  it('parks a person whose connection stayed lost through every attempt instead of giving up', () => {
    expect(settle(toPerson(MAX_ATTEMPTS), lost, now, policy)).toEqual({
      to: 'waiting',
      reason: 'connection-lost:ECONNREFUSED',
      then: 'waits',
    });
  });

  it('gives up after the last attempt with a visible reason the coordinators hear', () => {
    expect(settle(toPerson(MAX_ATTEMPTS), http(500), now, policy)).toEqual({
      to: 'dead',
      lastError: '500',
      tell: 'gave-up:500',
      why: 'gave-up',
      then: 'waits',
    });
    expect(settle(toChannel(MAX_ATTEMPTS), lost, now, policy)).toMatchObject({
      to: 'dead',
      tell: 'gave-up:ECONNREFUSED',
    });
    expect(settle(toPerson(MAX_ATTEMPTS - 1), http(500), now, policy)).toMatchObject({ to: 'retry' });
  });

  it('marks a message of an unknown kind dead with the kind as its reason, and the conversation goes on', () => {
    expect(settle(toPerson(), { status: 'unknown-kind', kind: 'fromTheFuture' }, now, policy)).toEqual({
      to: 'dead',
      lastError: 'unknown-kind:fromTheFuture',
      why: 'unknown-kind',
      then: 'goes-on',
    });
  });
});

describe('the outbox backoff', () => {
  it('doubles per attempt with jitter between half and the full step, capped at five minutes', () => {
    expect(backoffMs(1, () => 0)).toBe(500);
    expect(backoffMs(1, () => 1)).toBe(1000);
    expect(backoffMs(4, () => 1)).toBe(8000);
    expect(backoffMs(30, () => 1)).toBe(BACKOFF_CAP_MS);
    expect(backoffMs(2, () => 1, 60_000)).toBe(120_000);
  });
});
