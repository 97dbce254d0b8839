import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

/** One call the bot made to the Bot Connector service. */
export interface ConnectorCall {
  method: string;
  path: string;
  conversationId: string;
  activityId?: string;
  body: any;
  status: number;
  at: number;
}

export type Fault = { status: number; retryAfter?: number } | 'drop';

/** A Teams member as the Bot Connector answers a member look-up (a TeamsChannelAccount). */
export interface StandInMember {
  id: string;
  name?: string;
  aadObjectId?: string;
  userPrincipalName?: string;
  email?: string;
  tenantId?: string;
}

/**
 * A local stand-in for the Bot Connector service (the `serviceUrl` Teams gives the bot). It
 * records what the bot sends and can answer with faults: scripted (`failNext`) or at random.
 */
export class ConnectorStandIn {
  readonly calls: ConnectorCall[] = [];
  private server?: http.Server;
  private scripted: Fault[] = [];
  /** conversations that answer every call with this status (a person who removed the app: 403/404) */
  private readonly refused = new Map<string, number>();
  /** members a look-up (GET /v3/conversations/{id}/members/{memberId}) finds, by member id */
  private readonly members = new Map<string, StandInMember>();
  randomFaults?: { rate: number; random: () => number; faults: Fault[] };
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }

  failNext(...faults: Fault[]): void {
    this.scripted.push(...faults);
  }

  /** Every call to `conversationId` answers `status` until `accept` (unlike failNext, not just the next call). */
  refuse(conversationId: string, status = 404): void {
    this.refused.set(conversationId, status);
  }

  accept(conversationId: string): void {
    this.refused.delete(conversationId);
  }

  /** Lets member look-ups find `member` (as Teams knows every member of a conversation); others answer 404. */
  addMember(member: StandInMember): void {
    this.members.set(member.id, member);
  }

  /** Member look-ups the bot made (GET …/members/{id}), answered or not. */
  memberLookups(): ConnectorCall[] {
    return this.calls.filter((c) => c.method === 'GET' && /\/members\//.test(c.path));
  }

  /** Successful sends (new messages and updates) to one conversation. */
  sentTo(conversationId: string): ConnectorCall[] {
    return this.calls.filter((c) => c.conversationId === conversationId && c.status < 300 && c.method !== 'GET');
  }

  cards(conversationId?: string): any[] {
    return this.calls
      .filter((c) => c.status < 300 && (!conversationId || c.conversationId === conversationId))
      .flatMap((c) => (c.body?.attachments ?? []).map((a: { content: unknown }) => a.content));
  }

  texts(conversationId?: string): string[] {
    return this.calls
      .filter(
        (c) =>
          c.status < 300 &&
          (!conversationId || c.conversationId === conversationId) &&
          typeof c.body?.text === 'string',
      )
      .map((c) => c.body.text);
  }

  reset(): void {
    this.calls.length = 0;
    this.scripted = [];
  }

  async waitFor(predicate: (calls: ConnectorCall[]) => boolean, timeoutMs = 10_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      if (Date.now() > end) throw new Error(`Timed out waiting for connector calls (have ${this.calls.length})`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const m = /^\/v3\/conversations(?:\/([^/]+))?(?:\/activities(?:\/([^/]+))?)?/.exec(url.pathname);
      let body: unknown;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = raw;
      }
      const conversationId = m?.[1] ? decodeURIComponent(m[1]) : '';
      const activityId = m?.[2] ? decodeURIComponent(m[2]) : undefined;
      const refusedWith = this.refused.get(conversationId);
      let fault: Fault | undefined = refusedWith ? { status: refusedWith } : this.scripted.shift();
      if (!fault && this.randomFaults && this.randomFaults.random() < this.randomFaults.rate) {
        const f = this.randomFaults.faults;
        fault = f[Math.floor(this.randomFaults.random() * f.length)];
      }
      const record = (status: number) =>
        this.calls.push({
          method: req.method ?? '',
          path: url.pathname,
          conversationId,
          activityId,
          body,
          status,
          at: Date.now(),
        });
      if (fault === 'drop') {
        record(0);
        req.socket.destroy();
        return;
      }
      if (fault) {
        record(fault.status);
        res.writeHead(fault.status, {
          'content-type': 'application/json',
          ...(fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {}),
        });
        res.end(
          JSON.stringify({ error: { code: fault.status === 429 ? 'Throttled' : 'ServiceError', message: 'injected' } }),
        );
        return;
      }
      if (!m) {
        record(404);
        res.writeHead(404).end();
        return;
      }
      const member = req.method === 'GET' ? /^\/v3\/conversations\/[^/]+\/members\/([^/]+)$/.exec(url.pathname) : null;
      if (member) {
        const found = this.members.get(decodeURIComponent(member[1]));
        record(found ? 200 : 404);
        res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
        // What Teams (and the Agents Playground) answer: the TeamsChannelAccount, or MemberNotFoundInConversation.
        res.end(
          JSON.stringify(
            found
              ? { userRole: 'user', ...found }
              : { error: { code: 'MemberNotFoundInConversation', message: 'Member not found in conversation' } },
          ),
        );
        return;
      }
      record(200);
      const id = req.method === 'PUT' && activityId ? activityId : `act-${randomUUID()}`;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(m[1] ? { id } : { id: `conv-${randomUUID()}`, activityId: id }));
    });
  }
}
