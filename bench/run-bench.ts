/**
 * `npm run bench`: how fast and how cheap the bot is, measured against a bare botbuilder echo bot
 * in the same run (SPEC S12, issue 9). Starts a Bot Connector stand-in on loopback, the echo bot
 * and the bot (each as its own process, on the embedded Cosmos), drives the real /api/messages
 * with autocannon (20 connections), and prints a table; writes bench/results/latest.{json,md}.
 * Environment: BENCH_SECONDS (per load phase, default 10), BENCH_CONNECTIONS (default 20),
 * BENCH_ONLY (a comma list of help, signaal, submit, search, claim: only those load phases, no
 * fan-out, memory, history or whole path, and no report written; for profiling one phase, e.g.
 * with BENCH_CPU_PROF=1).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { demoPupils, staffWith } from '../test/support/demo-people';
import { T } from '../src/bot/core/texts';
import { BenchConnector } from './connector';
import { BENCH_SCHOOL, BENCH_TEACHER, BENCH_TENANT, SEARCH_QUERIES } from './bench-seed';
import { round, runPhase, type PhaseResult } from './load-phase';
import {
  ROOT,
  alive,
  benchBotEnv,
  buildForBench,
  currentStep,
  freePort,
  getJson,
  postJson,
  spawnEntry,
  step,
  stopChild,
  until,
} from './processes';
import { renderReport, type BenchReport } from './report';
import { measureWholePath } from './whole-path';
import { productionNodeArgs } from './production-runtime';
import { childPidsOf, withCpu } from './process-cpu';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const SIGNALS_FOR_MEMORY = Number(process.env.BENCH_SIGNALS ?? 10_000);
const FANOUT = Number(process.env.BENCH_FANOUT ?? 200);
/** Claims per second the bench prepares signals for (each claim needs a signal of its own). */
const CLAIM_RATE_GUESS = Number(process.env.BENCH_CLAIM_RATE ?? 800);
const RESULTS = path.join(ROOT, 'bench', 'results');
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((x) => x.trim())) : undefined;
const runs = (key: 'help' | 'signaal' | 'submit' | 'search' | 'claim') => !ONLY || ONLY.has(key);
const DEMO_TENANT = 'f4801c24-a43b-528f-9f61-f21a7d3447a8';
/** The bot runs with the Dockerfile's NODE_OPTIONS (its heap limit), as in production. */
const PRODUCTION_NODE_ARGS = productionNodeArgs(ROOT);
/** Extra Node options for the bot (and its store process), after the Dockerfile's, e.g. BENCH_BOT_NODE_ARGS=--max-old-space-size=192. */
const BOT_NODE_ARGS = (process.env.BENCH_BOT_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
/** Time limits: a step that takes longer fails the bench with its name (never a silent hang). */
const PHASE_LIMIT_MS = (SECONDS + 60) * 1000;
const STEP_LIMIT_MS = Number(process.env.BENCH_STEP_TIMEOUT_SECONDS ?? 240) * 1000;
const TOTAL_LIMIT_MS = Number(process.env.BENCH_TOTAL_TIMEOUT_SECONDS ?? 600) * 1000;

interface Who {
  userId: string;
  name: string;
  tenant: string;
}
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
const message = (serviceUrl: string, who: Who, text: string) => ({
  ...base(serviceUrl, who),
  type: 'message',
  id: `msg-${randomUUID()}`,
  text,
});
const action = (serviceUrl: string, who: Who, verb: string, data: object) => ({
  ...base(serviceUrl, who),
  type: 'invoke',
  name: 'adaptiveCard/action',
  id: `inv-${randomUUID()}`,
  replyToId: `card-${randomUUID()}`,
  value: { action: { type: 'Action.Execute', verb, data } },
});
const search = (serviceUrl: string, who: Who, queryText: string) => ({
  ...base(serviceUrl, who),
  type: 'invoke',
  name: 'application/search',
  id: `inv-${randomUUID()}`,
  value: { kind: 'search', queryText, queryOptions: { skip: 0, top: 15 }, dataset: 'pupils' },
});

const log = (line: string) => process.stdout.write(`[bench] ${line}\n`);

async function main(): Promise<void> {
  const started = Date.now();
  mkdirSync(RESULTS, { recursive: true });
  if (process.env.BENCH_TSX !== '1') {
    const t0build = performance.now();
    buildForBench();
    log(`compiled the bot with tsc (tsconfig.bench.json) in ${round(performance.now() - t0build)} ms`);
  }
  const connector = new BenchConnector();
  const limited = new BenchConnector({ enforceLimits: true, retryAfterSeconds: 1 });
  await connector.start();
  await limited.start();
  const children: ChildProcess[] = [];
  const phase = (name: string, url: string, body: () => object, check?: (b: string) => boolean, seconds = SECONDS) =>
    step(`load phase: ${name}`, PHASE_LIMIT_MS, () =>
      runPhase({ name, url, body, check, seconds, connections: CONNECTIONS }),
    );
  // The whole run's deadline: whatever hangs, the bench ends with a message and stops its processes.
  const deadline = setTimeout(() => {
    process.stderr.write(
      `bench failed: did not finish within ${TOTAL_LIMIT_MS / 1000} s (step under way: ${currentStep}); see bench/results/*.log\n`,
    );
    for (const child of children) child.kill('SIGKILL');
    process.exit(1);
  }, TOTAL_LIMIT_MS);
  deadline.unref();
  try {
    // 1. Baseline: the bare echo bot, same machine, same load, same run.
    const echoPort = await freePort();
    const t0echo = performance.now();
    const echo = spawnEntry('bench/echo-bot.ts', { PORT: String(echoPort) }, path.join(RESULTS, 'echo-bot.log'));
    children.push(echo);
    const echoUrl = `http://127.0.0.1:${echoPort}/api/messages`;
    const echoBody = () => message(connector.url, demoTeacher, 'hallo');
    await until(
      async () => (
        alive(echo, 'the echo bot'),
        (
          await fetch(echoUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(echoBody()),
          })
        ).status === 200
      ),
      30_000,
      'the echo bot',
    );
    const echoColdStartMs = performance.now() - t0echo;
    log(`echo bot answered after ${round(echoColdStartMs)} ms; warming up`);
    await phase('warm-up', echoUrl, echoBody, undefined, WARMUP_SECONDS);
    const baseline = await phase('Baseline: echo bot (message turn)', echoUrl, echoBody);
    log(`baseline: ${baseline.rps} req/s, p99 ${baseline.p99} ms`);
    // The echo bot stays up (idle) to be measured again right before each of the bot's phases.

    // 2. The bot: cold start = spawn to the first answered request.
    const botPort = await freePort();
    const controlPort = await freePort();
    const control = `http://127.0.0.1:${controlPort}`;
    const botUrl = `http://127.0.0.1:${botPort}/api/messages`;
    const t0bot = performance.now();
    const bot = spawnEntry('bench/bot-process.ts', benchBotEnv(botPort, controlPort), path.join(RESULTS, 'bot.log'), [
      ...PRODUCTION_NODE_ARGS,
      ...BOT_NODE_ARGS,
      ...(process.env.BENCH_CPU_PROF ? ['--expose-gc', '--cpu-prof', `--cpu-prof-dir=${RESULTS}`] : ['--expose-gc']),
    ]);
    children.push(bot);
    const firstHelp = () =>
      fetch(botUrl, {
        signal: AbortSignal.timeout(10_000),
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message(connector.url, demoTeacher, '/help')),
      });
    await until(async () => (alive(bot, 'the bot'), (await firstHelp()).status === 200), 60_000, 'the bot', 5);
    const coldStartMs = performance.now() - t0bot;
    log(`bot answered its first request ${round(coldStartMs)} ms after spawn`);
    await until(
      async () => (alive(bot, 'the bot'), (await getJson<{ ready: boolean }>(`${control}/ready`)).ready),
      120_000,
      'the bench school seed',
      100,
    );

    // The bot's memory after each step (no forced GC): where resident memory grows.
    const memoryTrail: { after: string; rssMb: number; heapUsedMb: number; heapTotalMb: number; externalMb: number }[] =
      [];
    const sampleMemory = async (after: string) => {
      const m = (await getJson<{ bot: NodeJS.MemoryUsage }>(`${control}/memory`)).bot;
      const mb = (n: number) => round(n / 2 ** 20, 1);
      memoryTrail.push({
        after,
        rssMb: mb(m.rss),
        heapUsedMb: mb(m.heapUsed),
        heapTotalMb: mb(m.heapTotal),
        externalMb: mb(m.external),
      });
    };
    await sampleMemory('start-up and bench school seed');

    // 3. Round fan-out to 200 prevention workers against a stand-in enforcing Teams' limits.
    const fan = ONLY
      ? { ms: 0, t0: 0, stats: {}, cosmosRequests: 0 }
      : await step('fan-out', STEP_LIMIT_MS, () =>
          postJson<{ ms: number; t0: number; stats: Record<string, number>; cosmosRequests: number }>(
            `${control}/fanout`,
            {
              n: FANOUT,
              serviceUrl: limited.url,
            },
          ),
        );
    const span = limited.span();
    const fanout = {
      recipients: FANOUT,
      ms: fan.ms,
      theoreticalMs: (FANOUT / 50) * 1000,
      firstCallMs: span ? span.first - fan.t0 : undefined,
      lastCallMs: span ? span.last - fan.t0 : undefined,
      calls: limited.calls,
      throttled: limited.throttled,
      throttledShare: limited.calls ? limited.throttled / limited.calls : 0,
      runner: fan.stats,
      cosmosPerMessage: round(fan.cosmosRequests / FANOUT, 1),
    };
    if (!ONLY) {
      await sampleMemory('fan-out');
      log(
        `fan-out: ${FANOUT} messages in ${fan.ms} ms (first call at ${fanout.firstCallMs} ms, last at ${fanout.lastCallMs} ms), ${limited.throttled} of ${limited.calls} calls answered 429`,
      );
    }

    // 4. Load phases on the real endpoint, each with a short warm-up, the Cosmos meter reset before.
    // Each ratio is against the echo bot measured just before the phase (same load, same minute):
    // on a shared machine the load of neighbours moves both by ±20% over a run.
    const measure = async (name: string, body: () => object, check?: (b: string) => boolean): Promise<PhaseResult> => {
      const { result: adjacent, cpuMs: echoCpu } = await withCpu({ echo: echo.pid }, () =>
        phase(`Baseline before ${name}`, echoUrl, echoBody),
      );
      await phase('warm-up', botUrl, body, check, WARMUP_SECONDS);
      await postJson(`${control}/meter/reset`);
      const { result: r, cpuMs } = await withCpu({ bot: bot.pid, store: childPidsOf(bot.pid)[0] }, () =>
        phase(name, botUrl, body, check),
      );
      const perTurn = (ms: number | undefined, turns: number) =>
        ms === undefined || turns === 0 ? undefined : round((ms * 1000) / turns);
      r.cpu = {
        botUs: perTurn(cpuMs.bot, r.requests),
        storeUs: perTurn(cpuMs.store, r.requests),
        echoUs: perTurn(echoCpu.echo, adjacent.requests),
      };
      if (r.cpu.botUs && r.cpu.echoUs) r.cpu.ratio = round(r.cpu.echoUs / r.cpu.botUs, 2);
      const meter = await getJson<{ requests: number; byKind: Record<string, number> }>(`${control}/meter`);
      r.cosmosPerRequest = round(meter.requests / Math.max(1, r.requests), 1);
      r.cosmosByKind = Object.fromEntries(
        Object.entries(meter.byKind).map(([k, v]) => [k, round(v / Math.max(1, r.requests), 2)]),
      );
      r.baselineRps = adjacent.rps;
      r.ratio = round(r.rps / adjacent.rps, 2);
      await sampleMemory(name);
      log(
        `${name}: ${r.rps} req/s (${r.ratio}× the baseline's ${adjacent.rps} just before), p50 ${r.p50} / p95 ${r.p95} / p99 ${r.p99} ms, errors ${r.errors}, Cosmos ${r.cosmosPerRequest}/request; CPU per turn: bot ${r.cpu.botUs ?? '—'} µs, its store ${r.cpu.storeUs ?? '—'} µs, echo ${r.cpu.echoUs ?? '—'} µs (${r.cpu.ratio ?? '—'}×)`,
      );
      return r;
    };
    /** Claims, each of a signal of its own, prepared for a claim rate of CLAIM_RATE_GUESS. */
    const measureClaims = async (): Promise<PhaseResult> => {
      // enough for a claim rate of CLAIM_RATE_GUESS (a claim is no longer slower than a submit; issue 18)
      const claimsNeeded = Math.min(
        13_000,
        Math.max(500, Math.ceil(CLAIM_RATE_GUESS * (SECONDS + WARMUP_SECONDS) * 1.3)),
      );
      log(`preparing ${claimsNeeded} signals to claim`);
      const { ids } = await step('signals to claim', STEP_LIMIT_MS, () =>
        postJson<{ ids: { signalId: string; v: string }[] }>(`${control}/signals`, {
          n: claimsNeeded,
          schoolId: 'demo-school',
          reporterId: demoTeacher.userId,
          pupilId: ownPupilId,
          concurrency: 4,
          returnIds: true,
        }),
      );
      await sampleMemory(`${claimsNeeded} signals raised for the claims`);
      let c = 0;
      const claimSuccess = JSON.stringify(T.claimedYou).slice(1, -1);
      const claim = await measure(
        'Claim of a signal (a different one each)',
        () => {
          const s = ids[c++ % ids.length];
          return action(connector.url, demoWorker, 'signal.claim', {
            signalId: s.signalId,
            schoolId: 'demo-school',
            v: s.v,
          });
        },
        (b) => b.includes(claimSuccess),
      );
      if (c > ids.length) log(`warning: ${c - ids.length} claims reused a signal (answered "already claimed")`);
      return claim;
    };
    const phases: PhaseResult[] = [];
    if (runs('help'))
      phases.push(await measure('/help message turn', () => message(connector.url, demoTeacher, '/help')));
    if (runs('signaal'))
      phases.push(
        await measure('/signaal card request (2,000-pupil school)', () =>
          message(connector.url, benchTeacher, '/signaal'),
        ),
      );
    // Each submit about another pupil of the 2,000-pupil school, as a class of teachers would: about
    // one pupil, the open-signal step (issue 16) reads every earlier signal of that pupil, which
    // grows with the run and is no school's reality.
    let sp = 0;
    const submitData = () => ({
      submissionId: randomUUID(),
      pupil: `${BENCH_SCHOOL}|pupil:${900000 + (sp++ % 2000)}`,
      categories: 'gedrag',
      level: '2',
      observation: 'Oogt moe en is vaak te laat in de les.',
      knowsPupil: 'false',
      knowsParents: 'false',
      knowsMentor: 'false',
      urgency: 'normal',
      // a pupil met again has an open signal: raise a new one anyway (issue 16's choice), else the
      // submit is answered with the open signal's card and nothing is raised
      openChoice: 'new',
    });
    if (runs('submit'))
      phases.push(
        await measure(
          'Signal submit (new signal each)',
          () => action(connector.url, benchTeacher, 'signal.submit', submitData()),
          (b) => /Signaal S-\d{4}-\d{4} is ontvangen/.test(b),
        ),
      );
    let q = 0;
    if (runs('search'))
      phases.push(
        await measure(
          'Type-ahead search (2,000 pupils)',
          () => search(connector.url, benchTeacher, SEARCH_QUERIES[q++ % SEARCH_QUERIES.length]),
          (b) => b.includes('"results"'),
        ),
      );
    if (runs('claim')) phases.push(await measureClaims());
    if (ONLY) return;

    // 5. Resident memory after 10,000 signals (raised through the use case, stored in the embedded Cosmos in this process).
    const count = await step(`raising ${SIGNALS_FOR_MEMORY} signals`, STEP_LIMIT_MS, async () => {
      let n = (await getJson<{ count: number }>(`${control}/signals/count`)).count;
      while (n < SIGNALS_FOR_MEMORY) {
        await postJson(`${control}/signals`, {
          n: Math.min(2000, SIGNALS_FOR_MEMORY - n),
          schoolId: BENCH_SCHOOL,
          reporterId: benchTeacher.userId,
          pupilId: 'pupil:900000',
          concurrency: 4,
        });
        n = (await getJson<{ count: number }>(`${control}/signals/count`)).count;
      }
      return n;
    });
    await sampleMemory(`${count} signals in the store`);
    type Mem = { bot: NodeJS.MemoryUsage; store?: NodeJS.MemoryUsage };
    const memBefore = await step('memory', STEP_LIMIT_MS, () => getJson<Mem>(`${control}/memory`));
    const memAfterGc = await step('memory after GC', STEP_LIMIT_MS, () => getJson<Mem>(`${control}/memory?gc=1`));
    // V8 gives the pages a GC freed back to the system over the following seconds, not at once.
    await new Promise((r) => setTimeout(r, 10_000));
    const memSettled = await step('memory 10 s after GC', STEP_LIMIT_MS, () => getJson<Mem>(`${control}/memory`));
    const mb = (n: number | undefined) => round((n ?? 0) / 2 ** 20, 1);
    const memory = {
      signals: count,
      rssMb: mb(memBefore.bot.rss),
      rssAfterGcMb: mb(memAfterGc.bot.rss),
      rssSettledMb: mb(memSettled.bot.rss),
      heapUsedMb: mb(memAfterGc.bot.heapUsed),
      heapTotalMb: mb(memAfterGc.bot.heapTotal),
      externalMb: mb(memAfterGc.bot.external),
      arrayBuffersMb: mb(memAfterGc.bot.arrayBuffers),
      storeRssMb: memAfterGc.store ? mb(memAfterGc.store.rss) : undefined,
      storeHeapUsedMb: memAfterGc.store ? mb(memAfterGc.store.heapUsed) : undefined,
    };
    log(
      `memory after ${count} signals: bot RSS ${memory.rssMb} MB (after GC ${memory.rssAfterGcMb} MB, 10 s later ${memory.rssSettledMb} MB; V8 heap ${memory.heapUsedMb} MB used of ${memory.heapTotalMb} MB held; external ${memory.externalMb} MB); store process RSS ${memory.storeRssMb ?? '—'} MB`,
    );

    // 6. Cost flat in history: listing open signals with 100 vs 10,000 closed ones.
    type History = {
      closed: number;
      open: number;
      ms: number;
      meter: { requests: number; byKind: Record<string, number> };
    };
    const h100 = await step('history probe (100 closed)', STEP_LIMIT_MS, () =>
      postJson<History>(`${control}/history`, { closed: 100, open: 10 }),
    );
    const h10k = await step('history probe (10,000 closed)', STEP_LIMIT_MS, () =>
      postJson<History>(`${control}/history`, { closed: 10_000, have: 100 }),
    );
    const history = {
      measured: 'SignalRepository.listOpen (what the digest reads for open signals)',
      with100: h100,
      with10000: h10k,
    };
    log(
      `listOpen: ${h100.meter.requests} Cosmos requests with 100 closed, ${h10k.meter.requests} with 10,000 (${round(h100.ms, 1)} vs ${round(h10k.ms, 1)} ms)`,
    );

    await stopChild(bot);

    // 7. The whole path under load: a bot of its own with the outbox runner on (bench/whole-path.ts).
    const wholePath = await step('whole path (outbox runner on)', STEP_LIMIT_MS, () => measureWholePath(false));
    for (const w of wholePath)
      log(`whole path at ${w.rate}/s: submit → worker card p50 ${w.p50} / p95 ${w.p95} / p99 ${w.p99} ms`);
    const report: BenchReport = {
      at: new Date().toISOString(),
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? '?',
        node: process.version,
        memoryGb: round(os.totalmem() / 2 ** 30, 1),
      },
      settings: {
        seconds: SECONDS,
        warmupSeconds: WARMUP_SECONDS,
        connections: CONNECTIONS,
        store: 'embedded Cosmos (in a child process of the bot, EMBEDDED_COSMOS=child-process)',
        jobs: 'outbox runner and scheduler off during load phases',
        start: process.env.BENCH_TSX === '1' ? 'node + tsx (TypeScript)' : 'node on the tsc build (as production)',
        runtime: `${[...PRODUCTION_NODE_ARGS, ...BOT_NODE_ARGS].join(' ')} (the Dockerfile's NODE_OPTIONS${BOT_NODE_ARGS.length ? ', then BENCH_BOT_NODE_ARGS' : ''})`,
        loadAverage: os.loadavg().map((x) => round(x, 2)),
      },
      baseline: { ...baseline, ratio: 1 },
      echoColdStartMs: round(echoColdStartMs),
      phases,
      coldStartMs: round(coldStartMs),
      memory,
      memoryTrail,
      fanout,
      history,
      wholePath,
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

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`bench failed: ${String((err as Error)?.stack ?? err)}\n`);
    process.exit(1);
  },
);
