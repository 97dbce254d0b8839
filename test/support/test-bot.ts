import { randomUUID } from 'node:crypto';
import { loadConfig } from '../../src/config';
import { startBot, type RunningBot } from '../../src/start-bot';
import type { Clock } from '../../src/domain/clock';
import { openRepositories, type Repositories } from '../../src/store';
import type { EmbeddedCosmos } from '../../src/store/embedded-cosmos';
import { ConnectorStandIn } from './connector-stand-in';
import { demoStaff, type DemoStaff } from './demo-people';

export const TENANT = 'f4801c24-a43b-528f-9f61-f21a7d3447a8';

/** A clock tests can move. */
/**
 * The tests' clock: stands still unless moved (`advance`, `set`). `ticking`: it also runs on with
 * real time from where it was set, as a person's clock does — for the browser walk-throughs, where
 * a retry's backoff (a few hundred ms) must pass by itself.
 */
export class TestClock implements Clock {
  private setAtMs = Date.now();
  constructor(
    public at: Date = new Date('2026-11-23T09:00:00+01:00'),
    private readonly opts: { ticking?: boolean } = {},
  ) {}
  now(): Date {
    return new Date(this.at.getTime() + (this.opts.ticking ? Date.now() - this.setAtMs : 0));
  }
  advance(ms: number): void {
    this.at = new Date(this.now().getTime() + ms);
    this.setAtMs = Date.now();
  }
  set(iso: string): void {
    this.at = new Date(iso);
    this.setAtMs = Date.now();
  }
}

export interface TestBot {
  bot: RunningBot;
  connector: ConnectorStandIn;
  clock: TestClock;
  repos: Repositories;
  post(activity: object): Promise<{ status: number; body: any }>;
  /** restart the bot process over the same store (simulated crash) */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * `store`: the embedded store the bot talks to, when not one of its own (e.g. behind the faulty
 * store proxy, test/support/faulty-store-proxy.ts); closed with the bot.
 */
export async function startTestBot(
  opts: { clock?: TestClock; env?: Record<string, string>; startJobs?: boolean; store?: Promise<EmbeddedCosmos> } = {},
): Promise<TestBot> {
  const clock = opts.clock ?? new TestClock();
  const connector = new ConnectorStandIn();
  await connector.start();
  const repos = await openRepositories({
    databaseId: `t${randomUUID().slice(0, 8)}`,
    clock,
    embeddedStarting: opts.store,
  });
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DEMO_DATA: 'on',
    LOG_LEVEL: 'silent',
    OUTBOX_POLL_MS: '50',
    ...opts.env,
  });
  let bot = await startBot(config, { clock, repos, startJobs: opts.startJobs });
  const tb: TestBot = {
    get bot() {
      return bot;
    },
    connector,
    clock,
    repos,
    async post(activity) {
      const res = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      const text = await res.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = text;
      }
      return { status: res.status, body };
    },
    async restart() {
      await bot.close();
      bot = await startBot({ ...config, demoData: false }, { clock, repos, startJobs: opts.startJobs });
    },
    async close() {
      await bot.close();
      await repos.close();
      await connector.stop();
    },
  };
  return tb;
}

/** The personal conversation id a demo user has with the bot in these tests. */
export const personalConversationId = (who: DemoStaff) => `a:personal-${who.entraId}`;

function base(tb: TestBot, who: DemoStaff, conversation?: object) {
  return {
    channelId: 'msteams',
    serviceUrl: tb.connector.url,
    from: { id: `29:${who.entraId}`, aadObjectId: who.entraId, name: who.name },
    recipient: { id: '28:waakvlam-bot', name: 'Waakvlam' },
    conversation: conversation ?? { id: personalConversationId(who), conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    locale: 'nl-NL',
    timestamp: new Date().toISOString(),
  };
}

export const message = (tb: TestBot, who: DemoStaff, text: string, extra: object = {}) => ({
  ...base(tb, who),
  type: 'message',
  id: `msg-${randomUUID()}`,
  text,
  ...extra,
});

/**
 * An intake submit that names no `openChoice` goes as the reporter's "Toch een nieuw signaal":
 * tests that raise several signals about one pupil raise them, as before the step that first
 * tells a reporter of the pupil's open signal (issue 16). Tests of that step pass `openChoice: ''`.
 */
const withIntakeChoice = (verb: string, data: object): object =>
  verb === 'signal.submit' && data && !('openChoice' in data) ? { openChoice: 'new', ...data } : data;

export const invokeAction = (
  tb: TestBot,
  who: DemoStaff,
  verb: string,
  data: object,
  replyToId = `card-${randomUUID()}`,
) => ({
  ...base(tb, who),
  type: 'invoke',
  name: 'adaptiveCard/action',
  id: `inv-${randomUUID()}`,
  replyToId,
  value: { action: { type: 'Action.Execute', verb, data: withIntakeChoice(verb, data) } },
});

export const searchInvoke = (tb: TestBot, who: DemoStaff, queryText: string) => ({
  ...base(tb, who),
  type: 'invoke',
  name: 'application/search',
  id: `inv-${randomUUID()}`,
  value: { kind: 'search', queryText, queryOptions: { skip: 0, top: 15 }, dataset: 'pupils' },
});

export const installation = (tb: TestBot, who: DemoStaff) => ({
  ...base(tb, who),
  type: 'installationUpdate',
  action: 'add',
  id: `inst-${randomUUID()}`,
});

export const person = (role: string, index = 0): DemoStaff => demoStaff.filter((s) => s.roles.includes(role))[index];
