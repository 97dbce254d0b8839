import { round, type PhaseResult } from './load-phase';
import type { RateResult } from './whole-path';

export interface BenchReport {
  at: string;
  machine: { cpus: number; cpuModel: string; node: string; memoryGb: number };
  settings: Record<string, unknown>;
  baseline: PhaseResult;
  echoColdStartMs: number;
  phases: PhaseResult[];
  coldStartMs: number;
  memory: {
    signals: number;
    rssMb: number;
    rssAfterGcMb: number;
    rssSettledMb?: number;
    heapUsedMb: number;
    heapTotalMb?: number;
    externalMb?: number;
    arrayBuffersMb?: number;
    storeRssMb?: number;
    storeHeapUsedMb?: number;
  };
  /** the bot's memory after each step (no forced GC) */
  memoryTrail?: { after: string; rssMb: number; heapUsedMb: number; heapTotalMb: number; externalMb: number }[];
  fanout: {
    recipients: number;
    ms: number;
    theoreticalMs: number;
    calls: number;
    throttled: number;
    throttledShare: number;
    runner: Record<string, number>;
    cosmosPerMessage: number;
  };
  history: {
    measured: string;
    with100: { ms: number; open: number; meter: { requests: number } };
    with10000: { ms: number; open: number; meter: { requests: number } };
  };
  /** submit → the prevention worker's card with the outbox runner on (bench/whole-path.ts) */
  wholePath?: RateResult[];
  totalSeconds: number;
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

/** The targets of SPEC S12 (issue 9), as issue 18 raised them, checked against a report. */
export function targets(r: BenchReport): { target: string; measured: string; met: boolean }[] {
  const by = (prefix: string) => r.phases.find((p) => p.name.startsWith(prefix))!;
  const help = by('/help');
  const submit = by('Signal submit');
  const search = by('Type-ahead');
  const claim = by('Claim');
  const at20 = r.wholePath?.find((w) => w.rate === 20);
  return [
    ...(at20
      ? [
          {
            target: 'whole path p99 < 1 s at 20 signals/s (submit → worker card)',
            measured: `${at20.p99} ms (${at20.notArrived} not arrived)`,
            met: at20.p99 < 1000 && at20.notArrived === 0,
          },
        ]
      : []),
    { target: '/help ≥ 0.8× baseline throughput', measured: `${help.ratio}×`, met: (help.ratio ?? 0) >= 0.8 },
    { target: 'signal submit ≥ 0.5× baseline', measured: `${submit.ratio}×`, met: (submit.ratio ?? 0) >= 0.5 },
    { target: 'signal submit p99 < 150 ms', measured: `${submit.p99} ms`, met: submit.p99 < 150 },
    {
      target: 'claim ≤ 3 Cosmos requests per turn',
      measured: `${claim.cosmosPerRequest}`,
      met: (claim.cosmosPerRequest ?? Infinity) <= 3,
    },
    { target: 'claim ≥ 0.3× baseline', measured: `${claim.ratio}×`, met: (claim.ratio ?? 0) >= 0.3 },
    { target: 'claim p99 < 150 ms', measured: `${claim.p99} ms`, met: claim.p99 < 150 },
    { target: 'search p99 < 100 ms on 2,000 pupils', measured: `${search.p99} ms`, met: search.p99 < 100 },
    {
      target: 'no errors in any phase',
      measured: `${r.phases.reduce((n, p) => n + p.errors, 0)}`,
      met: r.phases.every((p) => p.errors === 0),
    },
    {
      target: 'memory < 250 MB after 10,000 signals',
      measured: `${r.memory.rssMb} MB RSS (bot)${r.memory.storeRssMb === undefined ? '' : `; store process ${r.memory.storeRssMb} MB`}`,
      met: r.memory.rssMb < 250,
    },
    { target: 'cold start < 2 s', measured: `${r.coldStartMs} ms`, met: r.coldStartMs < 2000 },
    {
      target: `fan-out within 10% of ${r.fanout.theoreticalMs / 1000} s`,
      measured: `${round(r.fanout.ms / 1000, 2)} s`,
      met: r.fanout.ms <= r.fanout.theoreticalMs * 1.1,
    },
    {
      target: 'fan-out < 1% calls answered 429',
      measured: `${round(r.fanout.throttledShare * 100, 2)}% (${r.fanout.throttled}/${r.fanout.calls})`,
      met: r.fanout.throttledShare < 0.01,
    },
    {
      target: 'listing open signals: reads flat in history',
      measured: `${r.history.with100.meter.requests} vs ${r.history.with10000.meter.requests} requests`,
      met: r.history.with10000.meter.requests <= r.history.with100.meter.requests,
    },
  ];
}

export function renderReport(r: BenchReport): { table: string; markdown: string } {
  const rows = [r.baseline, ...r.phases];
  const head = [
    'scenario',
    'req/s',
    'baseline req/s',
    '× baseline',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'errors',
    'Cosmos req/turn',
    'CPU µs/turn bot+store',
    'echo CPU µs/turn',
    'CPU ×',
  ];
  const cells = rows.map((p) => [
    p.name,
    String(p.rps),
    String(p.baselineRps ?? p.rps),
    String(p.ratio ?? ''),
    String(p.p50),
    String(p.p95),
    String(p.p99),
    String(p.errors),
    p.cosmosPerRequest === undefined ? '—' : String(p.cosmosPerRequest),
    p.cpu?.botUs === undefined ? '—' : `${p.cpu.botUs}+${p.cpu.storeUs ?? '—'}`,
    p.cpu?.echoUs === undefined ? '—' : String(p.cpu.echoUs),
    p.cpu?.ratio === undefined ? '—' : String(p.cpu.ratio),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? pad(v, widths[i]) : lpad(v, widths[i]))).join('  ');
  const t = targets(r);
  const extra = [
    `cold start (spawn → first answered request): bot ${r.coldStartMs} ms, echo bot ${r.echoColdStartMs} ms`,
    r.memory.storeRssMb === undefined
      ? `resident memory after ${r.memory.signals} signals: ${r.memory.rssMb} MB (after GC ${r.memory.rssAfterGcMb} MB; heap used ${r.memory.heapUsedMb} MB; embedded Cosmos data included)`
      : `resident memory after ${r.memory.signals} signals: bot ${r.memory.rssMb} MB (after GC ${r.memory.rssAfterGcMb} MB, 10 s later ${r.memory.rssSettledMb ?? '—'} MB; V8 heap ${r.memory.heapUsedMb} MB used of ${r.memory.heapTotalMb ?? '—'} MB held); the embedded store's own process ${r.memory.storeRssMb} MB (heap used ${r.memory.storeHeapUsedMb} MB, all documents)`,
    `round fan-out to ${r.fanout.recipients} prevention workers: ${r.fanout.ms} ms (limits allow ${r.fanout.theoreticalMs} ms at 50/s), ${r.fanout.throttled} of ${r.fanout.calls} calls answered 429, ${r.fanout.cosmosPerMessage} Cosmos requests per message`,
    ...(r.wholePath ?? []).map(
      (w) =>
        `whole path at ${w.rate} signals/s (outbox runner on): submit → first worker card p50 ${w.p50} / p95 ${w.p95} / p99 ${w.p99} ms, ${w.notArrived} of ${w.raised} not arrived within 15 s, ${w.wrongAnswers} wrong answers; ${w.cosmosPerDelivered} Cosmos requests per delivered message (submit turns included)`,
    ),
    `${r.history.measured}: ${r.history.with100.meter.requests} Cosmos requests with 100 closed signals, ${r.history.with10000.meter.requests} with 10,000 (${round(r.history.with100.ms, 1)} vs ${round(r.history.with10000.ms, 1)} ms)`,
  ];
  const table = [
    `Waakvlam benchmark — ${r.machine.cpus} × ${r.machine.cpuModel}, Node ${r.machine.node}, ${String(r.settings.connections)} connections, ${String(r.settings.seconds)} s per phase`,
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...cells.map(line),
    '',
    ...extra,
    '',
    '× baseline: against the echo bot measured right before that phase (its req/s in the third column).',
    "CPU: user + system time per answered request, from /proc: the bot's process + its embedded store's; CPU × = the echo's per request / the bot's (store not counted).",
    'targets:',
    ...t.map((x) => `  ${x.met ? 'met   ' : 'MISSED'}  ${x.target}: ${x.measured}`),
  ].join('\n');
  const md = [
    `| scenario | req/s | baseline req/s | × baseline | p50 ms | p95 ms | p99 ms | errors | Cosmos requests per turn | CPU µs/turn bot+store | echo CPU µs/turn | CPU × |`,
    `|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|`,
    ...cells.map((c) => `| ${c.join(' | ')} |`),
    '',
    ...extra.map((e) => `- ${e}`),
    '',
    '| target | measured | met |',
    '|---|---|---|',
    ...t.map((x) => `| ${x.target} | ${x.measured} | ${x.met ? 'yes' : '**no**'} |`),
    '',
    "× baseline: against the echo bot measured right before that phase (its req/s in the third column); the first row is the first of those measurements. CPU: user + system time per answered request from /proc, the bot process + its embedded store process; CPU × = the echo bot's CPU per request in the adjacent baseline / the bot process's.",
    '',
    `Measured ${r.at} on ${r.machine.cpus} × ${r.machine.cpuModel}, Node ${r.machine.node}; ${String(r.settings.store)}; ${String(r.settings.jobs)}; started as ${String(r.settings.start ?? '?')} with ${String(r.settings.runtime ?? 'Node defaults')}; load average at the end ${String(r.settings.loadAverage ?? '?')}.`,
  ].join('\n');
  return { table, markdown: md };
}
