import restify from 'restify';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { log } from '../../log';
import { CORRELATION_KEY, correlationIdFor } from './correlation';
import { isActivityEnvelope } from './activity-envelope';

export interface HttpOptions {
  adapter: TeamsAdapter;
  app: Application<TurnState>;
  /** tenant allow-list check, after authentication; false = refuse with 403 */
  tenantAllowed: (context: TurnContext) => Promise<boolean>;
  health: () => Promise<{ ok: boolean; detail?: Record<string, unknown> }>;
}

const MAX_BODY = 256 * 1024;

/**
 * The HTTP edge: POST /api/messages through the Bot Framework adapter (which authenticates),
 * GET /healthz. Whatever goes wrong inside, the caller gets a status code and a correlation id,
 * never an error message or stack.
 */
export function createHttpServer(opts: HttpOptions): restify.Server {
  const server = restify.createServer({ name: 'waakvlam', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY, mapParams: false, rejectUnknown: true }));

  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    // One id for the turn's answer, log lines and audit entries, decided here once.
    const correlationId = correlationIdFor((req.body as { id?: unknown } | undefined)?.id);
    if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body) || !isActivityEnvelope(req.body)) {
      res.status(400);
      res.json({ error: 'bad-request', correlationId });
      return;
    }
    let status = 200;
    let body: unknown;
    const captured = {
      status(code: number) {
        status = code;
        return captured;
      },
      send(b: unknown) {
        body = b;
        return captured;
      },
      header() {
        return captured;
      },
      end() {
        return captured;
      },
    };
    let tenantRefused = false;
    // The adapter only calls our logic once the request is authenticated.
    let authenticated = false;
    let thrown = false;
    try {
      // captured: the few restify Response methods the adapter calls, so the answer can be checked first
      await opts.adapter.process(req, captured as never, async (context) => {
        authenticated = true;
        context.turnState.set(CORRELATION_KEY, correlationId);
        if (!(await opts.tenantAllowed(context))) {
          // No handler runs and nothing is sent: the edge answers 403.
          tenantRefused = true;
          return;
        }
        await opts.app.run(context);
      });
    } catch (err) {
      // The adapter returns (with a status) for failures inside a turn; what it throws is its own
      // check of the request shape failing: the caller's error.
      thrown = true;
      status = 400;
      log.warn('http.malformed', {
        correlationId,
        error: String((err as { name?: string })?.name ?? 'Error').slice(0, 60),
      });
    }
    if (!thrown && !authenticated && status >= 400) {
      // Refused before any logic ran. The adapter answers 500 when the token library itself
      // throws (a bad signature, a malformed token): every such case is an authentication failure.
      status = 401;
    }
    if (tenantRefused) {
      status = 403;
      body = { error: 'forbidden', correlationId };
    } else if (status >= 500) {
      log.error('turn.failed', {
        correlationId,
        status,
        type: String((req.body as { type?: unknown } | undefined)?.type ?? '').slice(0, 40),
      });
      body = { error: 'internal', correlationId };
    } else if (status === 401) {
      log.warn('auth.refused', { correlationId });
      body = { error: 'unauthorized', correlationId };
    } else if (status >= 400 && (body === undefined || typeof body === 'string')) {
      body = { error: 'bad-request', correlationId };
    }
    res.status(status);
    if (body === undefined) res.end();
    else if (typeof body === 'object') res.json(body);
    else res.send(body);
  });

  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    const h = await opts.health().catch(() => ({ ok: false }));
    res.status(h.ok ? 200 : 503);
    res.json({ status: h.ok ? 'ok' : 'unavailable', ...('detail' in h ? h.detail : {}) });
  });

  server.on(
    'restifyError',
    (req: restify.Request, res: restify.Response, err: { statusCode?: number; name?: string }, cb: () => void) => {
      // Body-parser and routing errors: a status and a neutral body, no internals.
      // restify serialises an error through its toJSON, which its type does not name
      (err as unknown as { toJSON: () => unknown }).toJSON = () => ({
        error: (err.statusCode ?? 500) >= 500 ? 'internal' : 'bad-request',
      });
      cb();
    },
  );
  return server;
}
