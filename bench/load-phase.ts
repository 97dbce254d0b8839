/** The few parts of autocannon's API the bench uses (the package ships no type declarations). */
interface AutocannonResult {
  duration?: number;
  errors?: number;
  timeouts?: number;
  non2xx?: number;
}
type AutocannonRun = Promise<AutocannonResult> & {
  on(event: 'response', f: (client: unknown, status: number, bytes: number, responseTime: number) => void): void;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports -- autocannon ships no types; typed by the cast
const autocannon = require('autocannon') as (opts: object) => AutocannonRun;

/** What one load phase measured. Latencies in ms, throughput in answered (2xx) requests per second. */
export interface PhaseResult {
  name: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  requests: number;
  /** connection errors + timeouts + non-2xx + 2xx answers that were not the expected answer */
  errors: number;
  non2xx: number;
  wrongAnswers: number;
  /** the echo bot's req/s measured right before this phase; `ratio` is against it */
  baselineRps?: number;
  ratio?: number;
  cosmosPerRequest?: number;
  cosmosByKind?: Record<string, number>;
  /**
   * CPU time per answered request, in µs (bench/process-cpu.ts): the bot process, its embedded
   * store's process, and the echo bot in the adjacent baseline; `cpuRatio` = echo's / the bot's.
   */
  cpu?: { botUs?: number; storeUs?: number; echoUs?: number; ratio?: number };
}

export interface PhaseSpec {
  name: string;
  url: string;
  body: () => object;
  /** true when a 2xx answer is the answer this request should get */
  check?: (body: string) => boolean;
  seconds: number;
  connections: number;
}

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;

/** Drives `connections` concurrent clients against one endpoint for `seconds`, each request a fresh body. */
export async function runPhase(spec: PhaseSpec): Promise<PhaseResult> {
  const latencies: number[] = [];
  let wrongAnswers = 0;
  let ok = 0;
  const started = Date.now();
  const instance = autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    timeout: 15,
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => ({ ...req, method: 'POST', body: JSON.stringify(spec.body()) }),
        onResponse: (status: number, body: string) => {
          if (status >= 200 && status < 300) {
            if (spec.check && !spec.check(body)) wrongAnswers++;
            else ok++;
          }
        },
      },
    ],
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(Number(responseTime)));
  const result = await instance;
  const seconds = (result.duration ?? (Date.now() - started) / 1000) || spec.seconds;
  latencies.sort((a, b) => a - b);
  const non2xx = result.non2xx ?? 0;
  return {
    name: spec.name,
    rps: round(ok / seconds, 1),
    p50: round(pct(latencies, 50), 1),
    p95: round(pct(latencies, 95), 1),
    p99: round(pct(latencies, 99), 1),
    max: round(latencies[latencies.length - 1] ?? NaN, 1),
    requests: latencies.length,
    errors: (result.errors ?? 0) + (result.timeouts ?? 0) + non2xx + wrongAnswers,
    non2xx,
    wrongAnswers,
  };
}

export const round = (n: number, digits = 0) => (Number.isFinite(n) ? Math.round(n * 10 ** digits) / 10 ** digits : n);
