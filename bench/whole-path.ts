/**
 * The whole path under load (issue 18): what a teacher waits for — from her signal submit to the
 * new-signal card arriving at a prevention worker's chat — with the outbox runner on, as in
 * production (its own kicks, OUTBOX_POLL_MS at its default). Teachers submit at a steady rate
 * (BENCH_RATES, default "20,100" per second, BENCH_SECONDS each, default 10); the Bot Connector
 * stand-in records when each worker card arrives. Reports p50/p95/p99 of submit → first worker
 * card, and the Cosmos requests per delivered message (all requests of the phase, the submit turns
 * included, over the messages the connector accepted). The stand-in accepts every call.
 * All load goes into the demo school, whose every signal goes to its 2 prevention workers; Teams
 * allows 60 messages per 30 s per chat, so one school can sustain 2 signals a second, and the
 * runner's own Teams limiter holds the rest back (as it must). 20 signals a second are ≥ 10 schools
 * in real life, where that limiter does not bind; to measure that path without seeding 50 schools
 * the phase runs with OUTBOX_TEAMS_LIMITS=off by default (BENCH_TEAMS_LIMITS=on: production's limiter).
 *   npx tsx bench/whole-path.ts     (compiles the bot first, like npm run bench; BENCH_TSX=1 skips that)
 */
import http from 'node:http';
import path from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { demoPupils, staffWith } from '../test/support/demo-people';
import { BenchConnector } from './connector';
import { round } from './load-phase';
import {
  ROOT,
  alive,
  benchBotEnv,
  buildForBench,
  freePort,
  getJson,
  postJson,
  spawnEntry,
  stopChild,
  until,
} from './processes';
import { productionNodeArgs } from './production-runtime';

const RATES = (process.env.BENCH_RATES ?? '20,100').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const DRAIN_MS = 15_000;
const RESULTS = path.join(ROOT, 'bench', 'results');
const TENANT = 'f4801c24-a43b-528f-9f61-f21a7d3447a8';
const REFERENCE = /S-\d{4}-\d{4}/;

const teacher = staffWith('mentor')[0];
const workers = staffWith('preventiewerker');
const pupils = demoPupils.filter((p) => teacher.classes.includes(p.className));
const log = (line: string) => process.stdout.write(`[whole-path] ${line}\n`);

const base = (serviceUrl: string, who: { entraId: string; name: string }) => ({
  channelId: 'msteams',
  serviceUrl,
  from: { id: `29:${who.entraId}`, aadObjectId: who.entraId, name: who.name },
  recipient: { id: '28:waakvlam-bot', name: 'Waakvlam' },
  conversation: { id: `a:personal-${who.entraId}`, conversationType: 'personal', tenantId: TENANT },
  channelData: { tenant: { id: TENANT } },
  locale: 'nl-NL',
  timestamp: new Date().toISOString(),
});

const agent = new http.Agent({ keepAlive: true, maxSockets: 200 });
function post(url: string, body: object): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;

export interface RateResult {
  rate: number;
  submitted: number;
  raised: number;
  wrongAnswers: number;
  delivered: number;
  cardsToWorkers: number;
  notArrived: number;
  submitP50: number;
  submitP99: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  cosmosRequests: number;
  cosmosPerDelivered: number;
  cosmosPerSubmit: number;
  cosmosByKindPerSignal: Record<string, number>;
}

async function runRate(
  rate: number,
  botUrl: string,
  control: string,
  connector: BenchConnector,
  workerConversations: Set<string>,
): Promise<RateResult> {
  const sentAt = new Map<string, number>(); // reference → submit start
  const firstCard = new Map<string, number>(); // reference → first worker card
  const submitMs: number[] = [];
  let wrongAnswers = 0;
  connector.onAccepted = (conversationId, body, at) => {
    if (!workerConversations.has(conversationId)) return;
    const ref = REFERENCE.exec(body)?.[0];
    if (ref && !firstCard.has(ref)) firstCard.set(ref, at);
  };
  await postJson(`${control}/meter/reset`);
  connector.reset();
  const pending: Promise<void>[] = [];
  const total = rate * SECONDS;
  const t0 = Date.now();
  let n = 0;
  await new Promise<void>((done) => {
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((Date.now() - t0) / 1000) * rate));
      for (; n < due; n++) {
        const pupil = pupils[n % pupils.length];
        const start = Date.now();
        const activity = {
          ...base(connector.url, teacher),
          type: 'invoke',
          name: 'adaptiveCard/action',
          id: `inv-${randomUUID()}`,
          replyToId: `card-${randomUUID()}`,
          value: {
            action: {
              type: 'Action.Execute',
              verb: 'signal.submit',
              data: {
                submissionId: randomUUID(),
                pupil: `demo-school|pupil:${pupil.number}`,
                categories: 'gedrag',
                level: '2',
                observation: 'Oogt moe en is vaak te laat in de les.',
                urgency: 'normal',
                openChoice: 'new',
              },
            },
          },
        };
        pending.push(
          post(botUrl, activity).then(
            (res) => {
              submitMs.push(Date.now() - start);
              const ref = /Signaal (S-\d{4}-\d{4}) is ontvangen/.exec(res.text)?.[1];
              if (res.status !== 200 || !ref) wrongAnswers++;
              else sentAt.set(ref, start);
            },
            () => void wrongAnswers++,
          ),
        );
      }
      if (n >= total) {
        clearInterval(timer);
        done();
      }
    }, 5);
  });
  await Promise.all(pending);
  const drainUntil = Date.now() + DRAIN_MS;
  while ([...sentAt.keys()].some((r) => !firstCard.has(r)) && Date.now() < drainUntil)
    await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 500)); // the other workers' copies of the last cards
  const meter = await getJson<{ requests: number; byKind: Record<string, number> }>(`${control}/meter`);
  const latencies = [...sentAt].filter(([r]) => firstCard.has(r)).map(([r, t]) => firstCard.get(r)! - t);
  latencies.sort((a, b) => a - b);
  submitMs.sort((a, b) => a - b);
  let cardsToWorkers = 0;
  for (const c of workerConversations) cardsToWorkers += connector.accepted.get(c)?.length ?? 0;
  return {
    rate,
    submitted: total,
    raised: sentAt.size,
    wrongAnswers,
    delivered: connector.ok,
    cardsToWorkers,
    notArrived: sentAt.size - latencies.length,
    submitP50: pct(submitMs, 50),
    submitP99: pct(submitMs, 99),
    p50: pct(latencies, 50),
    p95: pct(latencies, 95),
    p99: pct(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    cosmosRequests: meter.requests,
    cosmosPerDelivered: round(meter.requests / Math.max(1, connector.ok), 2),
    cosmosPerSubmit: round(meter.requests / Math.max(1, sentAt.size), 2),
    cosmosByKindPerSignal: Object.fromEntries(
      Object.entries(meter.byKind).map(([k, v]) => [k, round(v / Math.max(1, sentAt.size), 2)]),
    ),
  };
}

/** The phase: a bot of its own (fresh store), the outbox runner on, one steady load per rate. `build`: compile first. */
export async function measureWholePath(build: boolean): Promise<RateResult[]> {
  mkdirSync(RESULTS, { recursive: true });
  if (build && process.env.BENCH_TSX !== '1') buildForBench();
  const connector = new BenchConnector();
  await connector.start();
  const botPort = await freePort();
  const controlPort = await freePort();
  const control = `http://127.0.0.1:${controlPort}`;
  const botUrl = `http://127.0.0.1:${botPort}/api/messages`;
  let bot: ChildProcess | undefined;
  try {
    bot = spawnEntry(
      'bench/bot-process.ts',
      // the scheduler stays off (DISABLE_JOBS); the outbox runner is started below
      benchBotEnv(botPort, controlPort, {
        LOG_LEVEL: 'warn',
        BENCH_PUPILS: '10',
        OUTBOX_TEAMS_LIMITS: process.env.BENCH_TEAMS_LIMITS === 'on' ? 'on' : 'off',
      }),
      path.join(RESULTS, 'whole-path-bot.log'),
      [...productionNodeArgs(ROOT), '--expose-gc'],
    );
    const b = bot;
    await until(
      async () => (alive(b, 'the bot'), (await getJson<{ ready: boolean }>(`${control}/ready`)).ready),
      120_000,
      'the bot',
      200,
    );
    // Teacher and workers install the app: their conversation references point at the stand-in.
    for (const who of [teacher, ...workers]) {
      const res = await post(botUrl, {
        ...base(connector.url, who),
        type: 'installationUpdate',
        action: 'add',
        id: `inst-${randomUUID()}`,
      });
      if (res.status !== 200) throw new Error(`installation of ${who.name} answered ${res.status}`);
    }
    await postJson(`${control}/outbox/start`);
    await new Promise((r) => setTimeout(r, 2000)); // the welcome messages go out first
    const workerConversations = new Set(workers.map((w) => `a:personal-${w.entraId}`));
    const results: RateResult[] = [];
    for (const rate of RATES) {
      log(
        `${rate} signals/s for ${SECONDS} s (Teams limiter ${process.env.BENCH_TEAMS_LIMITS === 'on' ? 'on' : 'off'}) ...`,
      );
      const r = await runRate(rate, botUrl, control, connector, workerConversations);
      log(
        `${rate}/s: ${r.raised} raised (${r.wrongAnswers} wrong answers), submit → first worker card p50 ${r.p50} / p95 ${r.p95} / p99 ${r.p99} / max ${r.max} ms (${r.notArrived} not arrived within ${DRAIN_MS / 1000} s); submit answer p50 ${r.submitP50} / p99 ${r.submitP99} ms; ${r.delivered} messages delivered (${r.cardsToWorkers} to ${workers.length} workers); Cosmos ${r.cosmosRequests} requests = ${r.cosmosPerDelivered} per delivered message, ${r.cosmosPerSubmit} per signal (${JSON.stringify(r.cosmosByKindPerSignal)})`,
      );
      results.push(r);
    }
    await postJson(`${control}/outbox/stop`);
    writeFileSync(
      path.join(RESULTS, 'whole-path.json'),
      JSON.stringify({ at: new Date().toISOString(), seconds: SECONDS, results }, null, 2),
    );
    return results;
  } finally {
    if (bot) await stopChild(bot);
    await connector.stop();
    agent.destroy();
  }
}

if (require.main === module)
  measureWholePath(true).catch((err) => {
    process.stderr.write(`whole-path bench failed: ${String((err as Error)?.stack ?? err)}\n`);
    process.exit(1);
  });
