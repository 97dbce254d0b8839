import { randomUUID } from 'node:crypto';
import type { Fault } from '../support/connector-stand-in';
import { demoPupils, demoStaff, staffWith } from '../support/demo-people';
import { mulberry32 } from '../support/seeded-random';
import {
  TestClock,
  installation,
  invokeAction,
  personalConversationId,
  startTestBot,
  type TestBot,
} from '../support/test-bot';

const SCHOOL = 'demo-school';
const SIGNALS = 200;
const CONCURRENCY = 8;
const RESTART_AFTER = [70, 140];

const FAULTS: Fault[] = [
  { status: 429, retryAfter: 0 },
  { status: 429, retryAfter: 1 },
  { status: 500 },
  { status: 502 },
  'drop',
];
const faultKind = (status: number) => (status === 0 ? 'dropped' : String(status));

describe('nothing lost, nothing doubled under connector faults and restarts (issue 7)', () => {
  let tb: TestBot;
  const seed = Number(process.env.FAULT_SEED ?? 20261123);

  beforeAll(async () => {
    // Retries are scheduled on the bot's clock: here it runs with real time.
    const clock = new TestClock();
    const base = clock.at.getTime();
    const started = Date.now();
    clock.now = () => new Date(base + Date.now() - started);
    tb = await startTestBot({
      clock,
      // every retry is the outbox's own (counted), backoff from 20 ms, no Teams pacing (measured elsewhere)
      env: {
        SCHEDULER_TICK_MS: '3600000',
        OUTBOX_POLL_MS: '20',
        OUTBOX_BACKOFF_BASE_MS: '20',
        OUTBOX_TEAMS_LIMITS: 'off',
        CONNECTOR_SDK_RETRIES: process.env.FAULT_SDK_RETRIES ?? 'off',
      },
    });
    for (const who of demoStaff) expect((await tb.post(installation(tb, who))).status).toBe(200);
    await tb.connector.waitFor((calls) => calls.filter((c) => c.status === 200).length >= demoStaff.length);
  }, 30_000);
  afterAll(async () => tb.close());

  it('delivers every message exactly once per recipient and stores every signal once while a third of connector calls fail and the bot restarts twice', async () => {
    tb.connector.reset();
    tb.connector.randomFaults = { rate: 1 / 3, random: mulberry32(seed), faults: FAULTS };
    const teachers = staffWith('docent');
    const retried = { sent: 0, retried: 0, dead: 0 };
    const collect = () => {
      const s = tb.bot.outbox.stats;
      retried.sent += s.sent;
      retried.retried += s.retried;
      retried.dead += s.dead;
    };
    const t0 = Date.now();

    // 200 submits from demo teachers about demo pupils, 8 at a time; a failed post (the bot was
    // down) is redelivered with the same card data, as Teams does.
    const jobs = Array.from({ length: SIGNALS }, (_, i) => ({
      who: teachers[i % teachers.length],
      data: {
        submissionId: randomUUID(),
        pupil: `${SCHOOL}|pupil:${demoPupils[i % demoPupils.length].number}`,
        categories: i % 5 === 0 ? 'verzuim' : 'gedrag',
        level: i % 7 === 0 ? '3' : '2',
        observation: `Fault-test observatie ${i}.`,
        urgency: 'normal',
      },
    }));
    let next = 0;
    let done = 0;
    let redelivered = 0;
    const restarts: Promise<void>[] = [];
    let restarting: Promise<void> | undefined;
    const worker = async () => {
      for (let j = next++; j < jobs.length; j = next++) {
        for (;;) {
          await restarting;
          const res = await tb
            .post(invokeAction(tb, jobs[j].who, 'signal.submit', jobs[j].data))
            .catch(() => undefined);
          if (res?.status === 200 && /S-\d{4}-\d{4}/.test(JSON.stringify(res.body?.value))) break;
          redelivered++;
          await new Promise((r) => setTimeout(r, 50));
        }
        done++;
        if (process.env.FAULT_DEBUG && done % 20 === 0)
          console.log('submitted', done, Date.now() - t0, 'calls', tb.connector.calls.length);
        if (RESTART_AFTER.includes(done)) {
          collect();
          restarting = tb.restart();
          restarts.push(restarting);
          await restarting;
          restarting = undefined;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await Promise.all(restarts);
    const submittedMs = Date.now() - t0;

    // Let the outbox drain: nothing pending or claimed any more.
    const pending = async () =>
      (
        await tb.repos.cases.queryValues<number>(
          "SELECT VALUE COUNT(1) FROM c WHERE c.type = 'outbox' AND c.status = 'pending'",
        )
      )[0] ?? 0;
    const deadline = Date.now() + Number(process.env.FAULT_DRAIN_MS ?? 70_000);
    while ((await pending()) > 0) {
      if (Date.now() > deadline) {
        if (process.env.FAULT_DEBUG)
          console.log(
            'last calls',
            JSON.stringify(
              tb.connector.calls
                .slice(-12)
                .map((c) => ({ m: c.method, s: c.status, at: c.at - t0, conv: c.conversationId.slice(-6) })),
            ),
            JSON.stringify(tb.bot.outbox.stats),
          );
        if (process.env.FAULT_DEBUG) {
          const docs = await tb.repos.cases.queryValues<any>(
            "SELECT TOP 5 * FROM c WHERE c.type = 'outbox' AND c.status = 'pending' ORDER BY c.dueAt ASC",
          );
          console.log(
            'now',
            tb.clock.now().toISOString(),
            JSON.stringify(
              docs.map((d) => ({ due: d.dueAt, a: d.attempts, e: d.lastError, to: d.target.userId?.slice(-6) })),
            ),
          );
          const r = await Promise.race([
            tb.bot.outbox.runOnce(),
            new Promise((res) => setTimeout(() => res('timeout'), 3000)),
          ]);
          console.log('runOnce', r, JSON.stringify(tb.bot.outbox.stats), (tb.bot.outbox as any).running);
        }
        throw new Error(`outbox did not drain: ${await pending()} pending`);
      }
      if (process.env.FAULT_DEBUG)
        console.log('pending', await pending(), Date.now() - t0, 'calls', tb.connector.calls.length);
      await new Promise((r) => setTimeout(r, 100));
    }
    const drainMs = Date.now() - t0 - submittedMs;
    collect();
    tb.connector.randomFaults = undefined;

    // Every signal stored once.
    const signals = await tb.repos.cases.queryValues<any>(
      "SELECT c.id, c.reference FROM c WHERE c.type = 'signal'",
      {},
      SCHOOL,
    );
    expect(signals).toHaveLength(SIGNALS);
    expect(new Set(signals.map((s) => s.reference)).size).toBe(SIGNALS);

    // Every expected message delivered exactly once per (conversation, signal reference).
    const outbox = await tb.repos.cases.queryValues<any>("SELECT * FROM c WHERE c.type = 'outbox'", {}, SCHOOL);
    expect(outbox.filter((d) => d.status !== 'sent').map((d) => `${d.id}:${d.status}:${d.lastError}`)).toEqual([]);
    expect(outbox.filter((d) => d.lastError === 'skipped')).toEqual([]);
    const refOf = new Map(signals.map((s) => [s.id, s.reference as string]));
    const expected = new Map<string, number>();
    for (const d of outbox.filter((x) => !x.payload.updateOf && x.payload.signalId)) {
      const key = `${personalConversationId(demoStaff.find((s) => s.entraId === d.target.userId)!)}|${refOf.get(d.payload.signalId)}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const delivered = new Map<string, number>();
    for (const c of tb.connector.calls.filter((x) => x.method === 'POST' && x.status === 200 && x.conversationId)) {
      const ref = /S-\d{4}-\d{4}/.exec(JSON.stringify(c.body))?.[0];
      if (!ref) continue;
      const key = `${c.conversationId}|${ref}`;
      delivered.set(key, (delivered.get(key) ?? 0) + 1);
    }
    expect([...expected.values()].every((n) => n === 1)).toBe(true);
    if (process.env.FAULT_DEBUG) {
      console.log('timing', submittedMs, drainMs);
      for (const k of [...expected.keys()].filter((key) => !delivered.has(key))) {
        const [conversation, ref] = k.split('|');
        const calls = tb.connector.calls
          .filter((c) => c.conversationId === conversation && JSON.stringify(c.body ?? '').includes(ref))
          .map((c) => ({ m: c.method, s: c.status, at: c.at - t0 }));
        const sig = signals.find((x) => x.reference === ref);
        const docs = outbox
          .filter(
            (d) =>
              d.payload.signalId === sig.id &&
              personalConversationId(demoStaff.find((x) => x.entraId === d.target.userId)!) === conversation,
          )
          .map((d) => ({
            id: d.id,
            kind: d.payload.kind,
            attempts: d.attempts,
            lastError: d.lastError,
            sentAt: d.sentAt,
          }));
        console.log('missing', k, JSON.stringify(calls), JSON.stringify(docs));
      }
    }
    expect(delivered).toEqual(expected);
    // each of the 200 signals reached both prevention workers
    for (const pw of staffWith('preventiewerker'))
      expect([...delivered.keys()].filter((k) => k.startsWith(personalConversationId(pw) + '|'))).toHaveLength(SIGNALS);

    const faults: Record<string, number> = {};
    for (const c of tb.connector.calls.filter((x) => x.status !== 200))
      faults[faultKind(c.status)] = (faults[faultKind(c.status)] ?? 0) + 1;
    const figures = {
      seed,
      signals: SIGNALS,
      restarts: RESTART_AFTER.length,
      redeliveredSubmits: redelivered,
      connectorCalls: tb.connector.calls.length,
      successfulPosts: [...delivered.values()].reduce((a, b) => a + b, 0),
      injectedFaults: faults,
      outboxRetries: retried.retried,
      outboxDead: retried.dead,
      submitMs: submittedMs,
      drainMs,
    };
    console.log('fault-injection figures', JSON.stringify(figures));
    expect(Object.values(faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(tb.connector.calls.length / 5);
  }, 120_000);
});
