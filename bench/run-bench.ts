/**
 * `npm run bench`: how fast and how cheap the bot is, measured against a bare botbuilder echo bot
 * in the same run (SPEC S12, issue 9). Starts a Bot Connector stand-in on loopback, the echo bot
 * and the bot (each as its own process, on the embedded Cosmos), drives the real /api/messages
 * with autocannon (20 connections), and prints a table; writes bench/results/latest.{json,md}.
 * Environment: BENCH_SECONDS (per load phase, default 10), BENCH_CONNECTIONS (default 20).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { demoPupils, staffWith } from '../test/support/demo-people';
import { T } from '../src/bot/texts';
import { BenchConnector } from './connector';
import { BENCH_SCHOOL, BENCH_TEACHER, BENCH_TENANT, SEARCH_QUERIES } from './bench-seed';
import { round, runPhase, type PhaseResult } from './load-phase';
import { ROOT, alive, freePort, getJson, postJson, spawnTs, stopChild, until } from './processes';
import { renderReport, type BenchReport } from './report';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SIGNALS_FOR_MEMORY = Number(process.env.BENCH_SIGNALS ?? 10_000);
const FANOUT = Number(process.env.BENCH_FANOUT ?? 200);
const RESULTS = path.join(ROOT, 'bench', 'results');
const DEMO_TENANT = 'f4801c24-a43b-528f-9f61-f21a7d3447a8';

interface Who { userId: string; name: string; tenant: string }
const teacher = staffWith('mentor')[0];
const worker = staffWith('preventiewerker')[0];
const demoTeacher: Who = { userId: teacher.entraId, name: teacher.name, tenant: DEMO_TENANT };
const demoWorker: Who = { userId: worker.entraId, name: worker.name, tenant: DEMO_TENANT };
const benchTeacher: Who = { userId: BENCH_TEACHER.userId, name: BENCH_TEACHER.displayName, tenant: BENCH_TENANT };
const ownPupil = demoPupils.find((p) => teacher.classes.includes(p.className))!;
const ownPupilId = `pupil:${ownPupil.number}`;

const base = (serviceUrl: string, who: Who) => ({
  channelId: 'msteams',
  serviceUrl,
  from: { id: `29:${who.userId}`, aadObjectId: who.userId, name: who.name },
  recipient: { id: '28:waakvlam-bot', name: 'Waakvlam' },
  conversation: { id: `a:personal-${who.userId}`, conversationType: 'personal', tenantId: who.tenant },
  channelData: { tenant: { id: who.tenant } },
  locale: 'nl-NL',
  timestamp: new Date().toISOString(),
});
const message = (serviceUrl: string, who: Who, text: string) => ({ ...base(serviceUrl, who), type: 'message', id: `msg-${randomUUID()}`, text });
const action = (serviceUrl: string, who: Who, verb: string, data: object) => ({
  ...base(serviceUrl, who), type: 'invoke', name: 'adaptiveCard/action', id: `inv-${randomUUID()}`, replyToId: `card-${randomUUID()}`,
  value: { action: { type: 'Action.Execute', verb, data } },
});
const search = (serviceUrl: string, who: Who, queryText: string) => ({
  ...base(serviceUrl, who), type: 'invoke', name: 'application/search', id: `inv-${randomUUID()}`,
  value: { kind: 'search', queryText, queryOptions: { skip: 0, top: 15 }, dataset: 'pupils' },
});

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

async function main(): Promise<void> {
  const started = Date.now();
  mkdirSync(RESULTS, { recursive: true });
  const connector = new BenchConnector();
  const limited = new BenchConnector({ enforceLimits: true, retryAfterSeconds: 1 });
  await connector.start();
  await limited.start();
  const children: ChildProcess[] = [];
  const phase = (name: string, url: string, body: () => object, check?: (b: string) => boolean, seconds = SECONDS) =>
    runPhase({ name, url, body, check, seconds, connections: CONNECTIONS });
  try {
    // 1. Baseline: the bare echo bot, same machine, same load, same run.
    const echoPort = await freePort();
    const t0echo = performance.now();
    const echo = spawnTs('bench/echo-bot.ts', { PORT: String(echoPort) }, path.join(RESULTS, 'echo-bot.log'));
    children.push(echo);
    const echoUrl = `http://127.0.0.1:${echoPort}/api/messages`;
    const echoBody = () => message(connector.url, demoTeacher, 'hallo');
    await until(async () => (alive(echo, 'the echo bot'), (await fetch(echoUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(echoBody()) })).status === 200), 30_000, 'the echo bot');
    const echoColdStartMs = performance.now() - t0echo;
    log(`echo bot answered after ${round(echoColdStartMs)} ms; warming up`);
    await phase('warm-up', echoUrl, echoBody, undefined, WARMUP_SECONDS);
    const baseline = await phase('Baseline: echo bot (message turn)', echoUrl, echoBody);
    log(`baseline: ${baseline.rps} req/s, p99 ${baseline.p99} ms`);
    await stopChild(echo);

    // 2. The bot: cold start = spawn to the first answered request.
    const botPort = await freePort();
    const controlPort = await freePort();
    const control = `http://127.0.0.1:${controlPort}`;
    const botUrl = `http://127.0.0.1:${botPort}/api/messages`;
    const t0bot = performance.now();
    const bot = spawnTs('bench/bot-process.ts', {
      NODE_ENV: 'development', PORT: String(botPort), HOST: '127.0.0.1', DEMO_DATA: 'on', PLAYGROUND_MODE: 'off', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      DISABLE_JOBS: '1', EMBEDDED_COSMOS: 'child-process', BENCH_CONTROL_PORT: String(controlPort), COSMOS_ENDPOINT: '', MICROSOFT_APP_ID: '', ALLOWED_TENANTS: '',
    }, path.join(RESULTS, 'bot.log'), process.env.BENCH_CPU_PROF ? ['--expose-gc', '--cpu-prof', `--cpu-prof-dir=${RESULTS}`] : ['--expose-gc']);
    children.push(bot);
    const firstHelp = () => fetch(botUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message(connector.url, demoTeacher, '/help')) });
    await until(async () => (alive(bot, 'the bot'), (await firstHelp()).status === 200), 60_000, 'the bot', 5);
    const coldStartMs = performance.now() - t0bot;
    log(`bot answered its first request ${round(coldStartMs)} ms after spawn`);
    await until(async () => (alive(bot, 'the bot'), (await getJson<{ ready: boolean }>(`${control}/ready`)).ready), 120_000, 'the bench school seed', 100);

    // 3. Round fan-out to 200 prevention workers against a stand-in enforcing Teams' limits.
    const fan = await postJson<{ ms: number; stats: Record<string, number>; cosmosRequests: number }>(`${control}/fanout`, { n: FANOUT, serviceUrl: limited.url });
    const fanout = { recipients: FANOUT, ms: fan.ms, theoreticalMs: (FANOUT / 50) * 1000, calls: limited.calls, throttled: limited.throttled, throttledShare: limited.calls ? limited.throttled / limited.calls : 0, runner: fan.stats, cosmosPerMessage: round(fan.cosmosRequests / FANOUT, 1) };
    log(`fan-out: ${FANOUT} messages in ${fan.ms} ms, ${limited.throttled} of ${limited.calls} calls answered 429`);

    // 4. Load phases on the real endpoint, each with a short warm-up, the Cosmos meter reset before.
    const measure = async (name: string, body: () => object, check?: (b: string) => boolean): Promise<PhaseResult> => {
      await phase('warm-up', botUrl, body, check, WARMUP_SECONDS);
      await postJson(`${control}/meter/reset`);
      const r = await phase(name, botUrl, body, check);
      const meter = await getJson<{ requests: number; byKind: Record<string, number> }>(`${control}/meter`);
      r.cosmosPerRequest = round(meter.requests / Math.max(1, r.requests), 1);
      r.cosmosByKind = Object.fromEntries(Object.entries(meter.byKind).map(([k, v]) => [k, round(v / Math.max(1, r.requests), 2)]));
      r.ratio = round(r.rps / baseline.rps, 2);
      log(`${name}: ${r.rps} req/s (${r.ratio}× baseline), p50 ${r.p50} / p95 ${r.p95} / p99 ${r.p99} ms, errors ${r.errors}, Cosmos ${r.cosmosPerRequest}/request`);
      return r;
    };
    const phases: PhaseResult[] = [];
    phases.push(await measure('/help message turn', () => message(connector.url, demoTeacher, '/help')));
    phases.push(await measure('/signaal card request (2,000-pupil school)', () => message(connector.url, benchTeacher, '/signaal')));
    const submitData = () => ({ submissionId: randomUUID(), pupil: `demo-school|${ownPupilId}`, categories: 'gedrag', level: '2', observation: 'Oogt moe en is vaak te laat in de les.', knowsPupil: 'false', knowsParents: 'false', knowsMentor: 'false', urgency: 'normal' });
    const submit = await measure('Signal submit (new signal each)', () => action(connector.url, demoTeacher, 'signal.submit', submitData()), (b) => /S-\d{4}-\d{4}/.test(b));
    phases.push(submit);
    let q = 0;
    phases.push(await measure('Type-ahead search (2,000 pupils)', () => search(connector.url, benchTeacher, SEARCH_QUERIES[q++ % SEARCH_QUERIES.length]), (b) => b.includes('"results"')));
    const claimsNeeded = Math.min(8000, Math.max(500, Math.ceil(submit.rps * (SECONDS + WARMUP_SECONDS) * 1.6)));
    log(`preparing ${claimsNeeded} signals to claim`);
    const { ids } = await postJson<{ ids: { signalId: string; v: string }[] }>(`${control}/signals`, { n: claimsNeeded, schoolId: 'demo-school', reporterId: demoTeacher.userId, pupilId: ownPupilId, concurrency: 4, returnIds: true });
    let c = 0;
    const claimSuccess = JSON.stringify(T.claimedYou).slice(1, -1);
    const claim = await measure('Claim of a signal (a different one each)', () => {
      const s = ids[c++ % ids.length];
      return action(connector.url, demoWorker, 'signal.claim', { signalId: s.signalId, schoolId: 'demo-school', v: s.v });
    }, (b) => b.includes(claimSuccess));
    if (c > ids.length) log(`warning: ${c - ids.length} claims reused a signal (answered "already claimed")`);
    phases.push(claim);

    // 5. Resident memory after 10,000 signals (raised through the use case, stored in the embedded Cosmos in this process).
    let { count } = await getJson<{ count: number }>(`${control}/signals/count`);
    while (count < SIGNALS_FOR_MEMORY) {
      const n = Math.min(2000, SIGNALS_FOR_MEMORY - count);
      await postJson(`${control}/signals`, { n, schoolId: BENCH_SCHOOL, reporterId: benchTeacher.userId, pupilId: 'pupil:900000', concurrency: 4 });
      count = (await getJson<{ count: number }>(`${control}/signals/count`)).count;
    }
    type Mem = { bot: NodeJS.MemoryUsage; store?: NodeJS.MemoryUsage };
    const memBefore = await getJson<Mem>(`${control}/memory`);
    const memAfterGc = await getJson<Mem>(`${control}/memory?gc=1`);
    const mb = (n: number | undefined) => round((n ?? 0) / 2 ** 20, 1);
    const memory = { signals: count, rssMb: mb(memBefore.bot.rss), rssAfterGcMb: mb(memAfterGc.bot.rss), heapUsedMb: mb(memAfterGc.bot.heapUsed), externalMb: mb(memAfterGc.bot.external), arrayBuffersMb: mb(memAfterGc.bot.arrayBuffers), storeRssMb: memAfterGc.store ? mb(memAfterGc.store.rss) : undefined, storeHeapUsedMb: memAfterGc.store ? mb(memAfterGc.store.heapUsed) : undefined };
    log(`memory after ${count} signals: bot RSS ${memory.rssMb} MB (after GC ${memory.rssAfterGcMb} MB, heap ${memory.heapUsedMb} MB); store process RSS ${memory.storeRssMb ?? '—'} MB`);

    // 6. Cost flat in history: listing open signals with 100 vs 10,000 closed ones.
    type History = { closed: number; open: number; ms: number; meter: { requests: number; byKind: Record<string, number> } };
    const h100 = await postJson<History>(`${control}/history`, { closed: 100, open: 10 });
    const h10k = await postJson<History>(`${control}/history`, { closed: 10_000, have: 100 });
    const history = { measured: 'SignalRepository.listOpen (no digest use case in src/app yet)', with100: h100, with10000: h10k };
    log(`listOpen: ${h100.meter.requests} Cosmos requests with 100 closed, ${h10k.meter.requests} with 10,000 (${round(h100.ms, 1)} vs ${round(h10k.ms, 1)} ms)`);

    await stopChild(bot);
    const report: BenchReport = {
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '?', node: process.version, memoryGb: round(os.totalmem() / 2 ** 30, 1) },
      settings: { seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, connections: CONNECTIONS, store: 'embedded Cosmos (in a child process of the bot, EMBEDDED_COSMOS=child-process)', jobs: 'outbox runner and scheduler off during load phases' },
      baseline: { ...baseline, ratio: 1 },
      echoColdStartMs: round(echoColdStartMs),
      phases,
      coldStartMs: round(coldStartMs),
      memory,
      fanout,
      history,
      totalSeconds: round((Date.now() - started) / 1000),
    };
    const { table, markdown } = renderReport(report);
    writeFileSync(path.join(RESULTS, 'latest.json'), JSON.stringify(report, null, 2));
    writeFileSync(path.join(RESULTS, 'latest.md'), markdown);
    process.stdout.write('\n' + table + '\n');
    log(`wrote bench/results/latest.json and latest.md in ${report.totalSeconds} s`);
  } finally {
    for (const child of children) await stopChild(child).catch(() => undefined);
    await connector.stop();
    await limited.stop();
  }
}

main().then(() => process.exit(0), (err) => {
  process.stderr.write(`bench failed: ${String((err as Error)?.stack ?? err)}\n`);
  process.exit(1);
});
