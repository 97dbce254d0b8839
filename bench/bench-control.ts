import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { RunningBot } from '../src/start-bot';
import { resolvePerson } from '../src/app/core/actors';
import { raiseSignal } from '../src/app/signals/raise-signal';
import { NOTIFY } from '../src/app/signals/signal-notifications';
import type { NewOutboxMessage } from '../src/store/schemas/outbox-doc';
import { FANOUT_SCHOOL, HISTORY_SCHOOL, closedSignalDoc, seedFanoutSchool } from './bench-seed';

/**
 * Bench-only control endpoints inside the bot's process (loopback, a port of its own, never part
 * of the product): the Cosmos meter, memory, signal preparation, fan-out and history-cost probes.
 */
type Handler = (body: Record<string, unknown>, url: URL) => Promise<unknown>;

async function inParallel<T>(n: number, concurrency: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const out = new Array<T>(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      for (let i = next++; i < n; i = next++) out[i] = await work(i);
    }),
  );
  return out;
}

export function benchControl(bot: RunningBot, isReady: () => boolean): http.Server {
  const repos = bot.repos;
  const routes: Record<string, Handler> = {
    'GET /ready': async () => ({ ready: isReady() }),
    'GET /meter': async () => repos.cosmos.meter.snapshot(),
    'POST /meter/reset': async () => {
      repos.cosmos.meter.reset();
      return { ok: true };
    },
    // The whole path (bench/whole-path.ts): the outbox runner on, as in production, then off again.
    'POST /outbox/start': async () => {
      bot.outbox.start();
      return { ok: true };
    },
    'POST /outbox/stop': async () => {
      await bot.outbox.stop();
      return { ok: true, stats: bot.outbox.stats };
    },
    'GET /memory': async (_b, url) => {
      if (url.searchParams.get('gc') === '1') (globalThis as { gc?: () => void }).gc?.();
      return { bot: process.memoryUsage(), store: await repos.storeProcessMemory?.() };
    },
    'GET /signals/count': async () => ({
      count: (await repos.cases.queryValues<number>("SELECT VALUE COUNT(1) FROM c WHERE c.type = 'signal'"))[0] ?? 0,
    }),
    /** Raises `n` signals through the use case (as the card submit does); returns their ids and versions. */
    'POST /signals': async (b) => {
      const person = await resolvePerson(bot.deps.ports.directory, String(b.reporterId));
      const schoolId = String(b.schoolId);
      const ids = await inParallel(Number(b.n), Number(b.concurrency ?? 4), async () => {
        const r = await raiseSignal(bot.deps.ports, person, {
          schoolId,
          submissionId: randomUUID(),
          input: {
            pupilId: String(b.pupilId),
            categories: ['gedrag'],
            reporterLevel: 2,
            observation: 'Bench: oogt moe en is vaak te laat.',
            alreadyKnown: { pupil: false, parents: false, mentor: false },
            urgency: 'normal',
          },
        });
        if (!r.ok) throw new Error(`bench raise refused: ${r.code}`);
        return { signalId: r.signal.id, v: r.signal.updatedAt };
      });
      return b.returnIds ? { ids } : { n: ids.length };
    },
    /** Round fan-out: `n` prevention workers with conversation refs at `serviceUrl`; time until all are delivered. */
    'POST /fanout': async (b) => {
      const n = Number(b.n);
      const ids = await seedFanoutSchool(repos, n, String(b.serviceUrl), bot.clock.now());
      const messages: NewOutboxMessage[] = ids.map((userId) => ({
        key: `bench-round-open-${randomUUID()}:${userId}`,
        target: { kind: 'user', userId },
        payload: {
          kind: NOTIFY.notice,
          params: {
            title: 'De 1-2-3-ronde is geopend',
            text: 'Vul de ronde voor je leerlingen in voor de deadline.',
            color: 'Default',
          },
        },
      }));
      const before = { ...bot.outbox.stats };
      const meterBefore = repos.cosmos.meter.requests;
      const t0 = Date.now();
      await repos.outbox.enqueue(FANOUT_SCHOOL, messages, bot.clock.now());
      bot.outbox.start();
      const deadline = t0 + 120_000;
      while (bot.outbox.stats.sent - before.sent < n && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 5));
      const ms = Date.now() - t0;
      await bot.outbox.stop();
      const delta = Object.fromEntries(
        Object.entries(bot.outbox.stats).map(([k, v]) => [k, v - before[k as keyof typeof before]]),
      );
      return { ms, t0, stats: delta, cosmosRequests: repos.cosmos.meter.requests - meterBefore };
    },
    /** Makes the history school hold `closed` closed signals and `open` open ones, then measures listOpen. */
    'POST /history': async (b) => {
      const now = bot.clock.now();
      const closed = Number(b.closed);
      const open = Number(b.open ?? 10);
      const have = Number(b.have ?? 0);
      for (let i = have; i < closed; i += 100) {
        const chunk = Array.from({ length: Math.min(100, closed - i) }, (_, j) => closedSignalDoc(i + j, now));
        const res = await repos.cases.batch(
          HISTORY_SCHOOL,
          chunk.map((doc) => ({ operationType: 'Upsert' as const, resourceBody: doc })),
        );
        if (!res.ok) throw new Error(`history seed failed: ${res.status}`);
      }
      if (have === 0) {
        await repos.cases.batch(
          HISTORY_SCHOOL,
          Array.from({ length: open }, (_, i) => ({
            operationType: 'Upsert' as const,
            resourceBody: closedSignalDoc(i, now, 'claimed'),
          })),
        );
      }
      repos.cosmos.meter.reset();
      const t0 = performance.now();
      const rows = await repos.signals.listOpen(HISTORY_SCHOOL);
      const ms = performance.now() - t0;
      return { closed, open: rows.length, ms, meter: repos.cosmos.meter.snapshot() };
    },
  };
  return http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const route = routes[`${req.method} ${url.pathname}`];
      const send = (status: number, body: unknown) => {
        // restify patches http.ServerResponse (writeHead does not return the response here)
        res.statusCode = status;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(body));
      };
      if (!route) return send(404, { error: 'no such bench route' });
      let body: Record<string, unknown> = {};
      try {
        body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
      } catch {
        return send(400, { error: 'bad json' });
      }
      route(body, url).then(
        (r) => send(200, r),
        (err: Error) => send(500, { error: String(err?.message ?? err) }),
      );
    });
  });
}
