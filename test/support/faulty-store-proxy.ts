import { readFileSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/**
 * What the proxy does instead of forwarding: a throttle (429, `x-ms-retry-after-ms`), a service
 * outage (503), or a connection dropped before the request reaches the store ('drop-before') or
 * after the store handled it, so the client never hears that its write went through ('drop-after').
 */
export type StoreFault = '429' | '503' | 'drop-before' | 'drop-after';

export interface StoreFaultStats {
  /** requests that reached the proxy */
  proxied: number;
  /** requests the store answered to the client unchanged */
  forwarded: number;
  faults: Record<StoreFault, number>;
  /** faults per request kind (`POST docs`, `GET colls`…), to see which operations were hit */
  faultsByOperation: Record<string, number>;
}

const emptyStats = (): StoreFaultStats => ({
  proxied: 0,
  forwarded: 0,
  faults: { '429': 0, '503': 0, 'drop-before': 0, 'drop-after': 0 },
  faultsByOperation: {},
});

/** `POST /dbs/x/colls/y/docs` → `POST docs`: the resource a request is about, for the figures. */
const operationOf = (method: string, url: string) => {
  const parts = url.split('?')[0].split('/').filter(Boolean);
  const resource = parts.length % 2 === 1 ? parts[parts.length - 1] : parts[parts.length - 2];
  return `${method} ${resource ?? '/'}`;
};

/** Cosmos DB's error body: `code` and a `message` holding the Errors array as a string. */
const cosmosError = (code: string, text: string) =>
  JSON.stringify({
    code,
    message: `Message: {"Errors":["${text}"]}\r\nActivityId: 00000000-0000-0000-0000-000000000000`,
  });

/**
 * A TLS proxy in front of the embedded Cosmos server (test/e2e/store-faults.e2e.test.ts). It
 * terminates TLS with the embedded server's own self-signed certificate, so the bot's Cosmos client
 * (loopback, self-signed accepted) talks to it as to the store, and decides per request whether to
 * forward it or fail it. Faults are off until `faults` is set; which request fails follows `random`
 * (seeded in tests, so a run can be repeated).
 */
export class FaultyStoreProxy {
  faults?: { rate: number; random: () => number; kinds: StoreFault[]; retryAfterMs?: number };
  stats = emptyStats();
  url = '';
  private readonly upstream = new https.Agent({ rejectUnauthorized: false, keepAlive: true });
  private server?: https.Server;

  constructor(private readonly target: string) {}

  async start(): Promise<this> {
    const packageDir = path.dirname(require.resolve('@vercel/cosmosdb-server/package.json'));
    this.server = https.createServer(
      { key: readFileSync(path.join(packageDir, 'key.pem')), cert: readFileSync(path.join(packageDir, 'cert.pem')) },
      (req, res) => this.handle(req, res),
    );
    this.server.keepAliveTimeout = 30_000;
    // A dropped connection is the point of some faults: the client's side of it is not an error here.
    this.server.on('clientError', (_err, socket) => socket.destroy());
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.upstream.destroy();
  }

  /** The figures so far, and a fresh count from here. */
  takeStats(): StoreFaultStats {
    const s = this.stats;
    this.stats = emptyStats();
    return s;
  }

  private pickFault(): StoreFault | undefined {
    const f = this.faults;
    if (!f || f.random() >= f.rate) return undefined;
    return f.kinds[Math.floor(f.random() * f.kinds.length)];
  }

  private handle(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      this.stats.proxied++;
      const fault = this.pickFault();
      if (fault) {
        this.stats.faults[fault]++;
        const op = operationOf(req.method ?? '', req.url ?? '/');
        this.stats.faultsByOperation[op] = (this.stats.faultsByOperation[op] ?? 0) + 1;
      }
      if (fault === 'drop-before') {
        req.socket.destroy();
        return;
      }
      if (fault === '429') {
        res.writeHead(429, {
          'content-type': 'application/json',
          'x-ms-retry-after-ms': String(this.faults?.retryAfterMs ?? 5),
          'x-ms-substatus': '3200',
          'x-ms-request-charge': '0',
        });
        res.end(
          cosmosError(
            '429',
            'Request rate is large. More Request Units may be needed, so no changes were made. Please retry this request later.',
          ),
        );
        return;
      }
      if (fault === '503') {
        res.writeHead(503, { 'content-type': 'application/json', 'x-ms-substatus': '20003' });
        res.end(cosmosError('ServiceUnavailable', 'Service is currently unavailable, please retry after a while.'));
        return;
      }
      this.forward(req, Buffer.concat(chunks), res, fault === 'drop-after');
    });
  }

  private forward(
    req: import('node:http').IncomingMessage,
    body: Buffer,
    res: import('node:http').ServerResponse,
    dropAnswer: boolean,
  ): void {
    const upstream = https.request(
      `${this.target}${req.url ?? '/'}`,
      {
        method: req.method,
        headers: { ...req.headers, host: new URL(this.target).host, 'content-length': String(body.length) },
        agent: this.upstream,
      },
      (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (c: Buffer) => parts.push(c));
        answer.on('end', () => {
          // The store did the work; the client never hears of it.
          if (dropAnswer) return void req.socket.destroy();
          this.stats.forwarded++;
          const headers = { ...answer.headers };
          delete headers['transfer-encoding'];
          delete headers.connection;
          const out = Buffer.concat(parts);
          res.writeHead(answer.statusCode ?? 502, { ...headers, 'content-length': String(out.length) });
          res.end(out);
        });
      },
    );
    upstream.on('error', () => req.socket.destroy());
    upstream.end(body);
  }
}
