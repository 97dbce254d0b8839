import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, rmSync, symlinkSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** Starts a TypeScript entry point the way `npm start` does (node + tsx), output into a log file. */
export function spawnTs(
  script: string,
  env: Record<string, string>,
  logFile: string,
  nodeArgs: string[] = [],
): ChildProcess {
  const out = createWriteStream(logFile);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(ROOT, script)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  return child;
}

/** Where `npm run bench` compiles the bot and the echo bot to (git-ignored, like all of bench/results). */
export const BUILD_DIR = path.join(ROOT, 'bench', 'results', 'build');

/**
 * Compiles the bot, the bench's bot process and the echo bot with `tsc` (tsconfig.bench.json), as
 * the Dockerfile builds production, with the card templates and demo data next to the output
 * (the compiled code finds them relative to itself, as production's dist/cards).
 */
export function buildForBench(): void {
  rmSync(BUILD_DIR, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.bench.json')],
    { cwd: ROOT, stdio: 'inherit' },
  );
  for (const dir of ['cards', 'demo']) symlinkSync(path.join(ROOT, dir), path.join(BUILD_DIR, dir), 'dir');
}

/**
 * The environment of the bench's bot process (bench/bot-process.ts): demo school, embedded store in
 * its own process, scheduler and outbox runner off (DISABLE_JOBS; a phase may start the runner
 * through the control port), no Bot Framework credentials.
 */
export const benchBotEnv = (botPort: number, controlPort: number, extra: Record<string, string> = {}) => ({
  NODE_ENV: 'development',
  PORT: String(botPort),
  HOST: '127.0.0.1',
  DEMO_DATA: 'on',
  PLAYGROUND_MODE: 'off',
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
  DISABLE_JOBS: '1',
  EMBEDDED_COSMOS: 'child-process',
  BENCH_CONTROL_PORT: String(controlPort),
  COSMOS_ENDPOINT: '',
  MICROSOFT_APP_ID: '',
  ALLOWED_TENANTS: '',
  ...extra,
});

/** Starts a bench entry point the way production starts (`node` on the compiled JavaScript), or with tsx when BENCH_TSX=1. */
export function spawnEntry(
  script: string,
  env: Record<string, string>,
  logFile: string,
  nodeArgs: string[] = [],
): ChildProcess {
  if (process.env.BENCH_TSX === '1') return spawnTs(script, env, logFile, nodeArgs);
  const out = createWriteStream(logFile);
  const child = spawn(process.execPath, [...nodeArgs, path.join(BUILD_DIR, script.replace(/\.ts$/, '.js'))], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  return child;
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

export class ChildExited extends Error {}

/** Throws (ending any `until`) when a child process has exited. */
export function alive(child: ChildProcess, what: string): void {
  if (child.exitCode !== null || child.signalCode)
    throw new ChildExited(`${what} exited (${child.exitCode ?? child.signalCode}); see bench/results/*.log`);
}

/** Polls `attempt` until it resolves true; returns the ms it took. */
export async function until(
  attempt: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
  intervalMs = 10,
): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const done = await attempt().catch((err) => {
      if (err instanceof ChildExited) throw err;
      return false;
    });
    if (done) return performance.now() - t0;
    if (performance.now() - t0 > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function postJson<T>(url: string, body: object = {}): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * Runs one bench step under a time limit: a step that does not finish in time fails the bench
 * with its name, instead of leaving it waiting (its processes are stopped by the caller's finally).
 */
export async function step<T>(name: string, limitMs: number, work: () => Promise<T>): Promise<T> {
  currentStep = name;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(
            `bench step "${name}" did not finish within ${Math.round(limitMs / 1000)} s; see bench/results/*.log`,
          ),
        ),
      limitMs,
    );
  });
  try {
    return await Promise.race([work(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The name of the step under way (for the whole-run deadline's message). */
export let currentStep = 'start';
