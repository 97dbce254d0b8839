import { fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * The embedded Cosmos-compatible server for local runs and tests: loopback only, TLS with the
 * package's self-signed certificate. State lives in memory for the life of the process that runs
 * it: this one, or (`childProcess`) a child process of its own.
 */
export interface EmbeddedCosmos {
  endpoint: string;
  key: string;
  /** the store's own process, when it runs in one */
  pid?: number;
  /** the store process's memory (this process's when the store runs here) */
  memory(): Promise<NodeJS.MemoryUsage>;
  close(): Promise<void>;
}

export const EMBEDDED_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

export async function startEmbeddedCosmos(port = 0, opts: { childProcess?: boolean } = {}): Promise<EmbeddedCosmos> {
  if (opts.childProcess) return startInChildProcess(port);
  // Loaded only where the server runs: a bot whose store runs in a child process does not pay
  // for loading the server package (cold start, docs/performance.md).
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded lazily, in this order, where an import would not be */
  (require('./embedded-atomic-batch') as typeof import('./embedded-atomic-batch')).installAtomicBatch();
  (require('./embedded-query-scope') as typeof import('./embedded-query-scope')).installQueryScope();
  // Loaded after the batch and query handlers are replaced, so its route table picks ours.
  const { createHttpsServer } = require('@vercel/cosmosdb-server') as typeof import('@vercel/cosmosdb-server');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const server = createHttpsServer({ keepAlive: true });
  server.keepAliveTimeout = 30_000;
  readTlsThroughStreamEvents(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    endpoint: `https://127.0.0.1:${address.port}`,
    key: EMBEDDED_KEY,
    memory: async () => process.memoryUsage(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/**
 * Works around a Node.js HTTP server fault that dropped requests on the embedded store's TLS
 * connections (the benchmark's history step failed or hung on it; docs/performance.md):
 * when a request arrives on a keep-alive connection whose previous response is still being
 * flushed, the server pauses the connection; on a TLS socket its native parser still receives the
 * TLS records already read, answers "Parse Error: Paused" (HPE_PAUSED), and the server destroys
 * the connection mid-request (the client sees "socket hang up", the store "request aborted").
 * Marking the TLS handle as taken makes the server read through the socket's 'data' events,
 * which honour the pause. A parse error that still happens is logged (code only).
 */
function readTlsThroughStreamEvents(server: import('node:https').Server): void {
  server.prependListener('secureConnection', (socket: { _handle?: { _consumed?: boolean } }) => {
    if (socket._handle) socket._handle._consumed = true;
  });
  server.on('clientError', (err: NodeJS.ErrnoException, socket: import('node:stream').Duplex) => {
    // A client that hung up is not worth a line; anything else is a fault of ours worth seeing.
    if (err.code !== 'ECONNRESET') {
      process.stderr.write(`embedded cosmos: client connection error ${String(err.code ?? err.name)}\n`);
      if (socket.writable) socket.write('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    }
    socket.destroy();
  });
}

/**
 * Starts the server in a child process with this process's Node options (so `tsx`, when the bot
 * runs under it, loads the TypeScript entry). The child exits when this process disconnects.
 */
async function startInChildProcess(port: number): Promise<EmbeddedCosmos> {
  const entry = path.join(__dirname, `embedded-cosmos-child${path.extname(__filename) || '.js'}`);
  const child = fork(entry, [], {
    env: { ...process.env, EMBEDDED_COSMOS_PORT: String(port) },
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    const onExit = (code: number | null) =>
      reject(new Error(`The embedded Cosmos process exited (${code}) before it listened`));
    child.once('exit', onExit);
    child.once('error', reject);
    child.on('message', (m: { type?: string; endpoint?: string }) => {
      if (m?.type !== 'ready' || !m.endpoint) return;
      child.off('exit', onExit);
      resolve(m.endpoint);
    });
  });
  let asked = 0;
  const pending = new Map<number, (m: NodeJS.MemoryUsage) => void>();
  child.on('message', (m: { type?: string; id?: number; memory?: NodeJS.MemoryUsage }) => {
    if (m?.type === 'memory' && m.id !== undefined && m.memory) {
      pending.get(m.id)?.(m.memory);
      pending.delete(m.id);
    }
  });
  child.unref();
  (child.channel as { unref?: () => void } | undefined)?.unref?.();
  return {
    endpoint,
    key: EMBEDDED_KEY,
    pid: child.pid,
    memory: () =>
      new Promise((resolve) => {
        const id = ++asked;
        pending.set(id, resolve);
        child.send({ type: 'memory', id });
      }),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.disconnect();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
