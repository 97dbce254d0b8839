import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Teams' documented limits for a bot: per conversation, and (as the bench assumes) per tenant. */
export interface Limit {
  count: number;
  ms: number;
}
export const TEAMS_CONVERSATION_LIMITS: Limit[] = [
  { count: 7, ms: 1000 },
  { count: 8, ms: 2000 },
  { count: 60, ms: 30_000 },
];
export const TEAMS_TENANT_LIMITS: Limit[] = [{ count: 50, ms: 1000 }];

/** Sliding windows over arrival times; `admit` records the call only when every window has room. */
class Windows {
  private readonly times = new Map<string, number[]>();
  private readonly longest: number;
  constructor(private readonly limits: Limit[]) {
    this.longest = Math.max(...limits.map((l) => l.ms));
  }
  fits(key: string, now: number): boolean {
    const t = (this.times.get(key) ?? []).filter((x) => x > now - this.longest);
    this.times.set(key, t);
    return this.limits.every((l) => t.filter((x) => x > now - l.ms).length < l.count);
  }
  take(key: string, now: number): void {
    this.times.get(key)!.push(now);
  }
}

/**
 * A Bot Connector stand-in for the benchmark: answers what the bot sends (replies and proactive
 * messages) without keeping bodies, and optionally enforces Teams' rate limits, answering 429
 * with Retry-After like the real service. Counts calls and 429s; records delivery times.
 */
export class BenchConnector {
  url = '';
  calls = 0;
  ok = 0;
  throttled = 0;
  /** arrival time of each accepted call, per conversation */
  readonly accepted = new Map<string, number[]>();
  private server?: http.Server;
  private readonly perConversation?: Windows;
  private readonly perTenant?: Windows;

  /** Called with every accepted call's conversation, body text and arrival time (the whole-path phase). */
  onAccepted?: (conversationId: string, body: string, at: number) => void;

  constructor(readonly opts: { enforceLimits: boolean; retryAfterSeconds?: number } = { enforceLimits: false }) {
    if (opts.enforceLimits) {
      this.perConversation = new Windows(TEAMS_CONVERSATION_LIMITS);
      this.perTenant = new Windows(TEAMS_TENANT_LIMITS);
    }
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  reset(): void {
    this.calls = 0;
    this.ok = 0;
    this.throttled = 0;
    this.accepted.clear();
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const now = Date.now();
      this.calls++;
      const m = /^\/v3\/conversations(?:\/([^/]+))?(?:\/activities(?:\/([^/]+))?)?/.exec(
        new URL(req.url ?? '/', 'http://x').pathname,
      );
      if (!m) {
        res.writeHead(404).end();
        return;
      }
      const conversationId = m[1] ? decodeURIComponent(m[1]) : '(new)';
      let tenant = 'tenant';
      if (this.perTenant) {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
            conversation?: { tenantId?: string };
            channelData?: { tenant?: { id?: string } };
          };
          tenant = body.conversation?.tenantId ?? body.channelData?.tenant?.id ?? tenant;
        } catch {
          /* not JSON: counted under the default tenant */
        }
        const fits = this.perConversation!.fits(conversationId, now) && this.perTenant.fits(tenant, now);
        if (!fits) {
          this.throttled++;
          res.writeHead(429, {
            'content-type': 'application/json',
            'retry-after': String(this.opts.retryAfterSeconds ?? 1),
          });
          res.end(JSON.stringify({ error: { code: 'Throttled', message: 'Too many requests' } }));
          return;
        }
        this.perConversation!.take(conversationId, now);
        this.perTenant.take(tenant, now);
      }
      this.ok++;
      this.onAccepted?.(conversationId, Buffer.concat(chunks).toString('utf8'), now);
      const list = this.accepted.get(conversationId) ?? [];
      list.push(now);
      this.accepted.set(conversationId, list);
      const activityId = m[2] ? decodeURIComponent(m[2]) : undefined;
      const id = req.method === 'PUT' && activityId ? activityId : `act-${now}-${this.calls}`;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(m[1] ? { id } : { id: `conv-${this.calls}`, activityId: id }));
    });
  }

  /** The first and last accepted call over all conversations (ms since epoch). */
  span(): { first: number; last: number } | undefined {
    let first = Infinity;
    let last = -Infinity;
    for (const t of this.accepted.values())
      for (const x of t) {
        first = Math.min(first, x);
        last = Math.max(last, x);
      }
    return Number.isFinite(first) ? { first, last } : undefined;
  }
}
