/**
 * What a /help turn spends outside the store (issue 18): the help text, the activity check at the
 * HTTP edge, and teams-ai's routing of a message among the bot's routes. Each is timed alone in a
 * loop, in microseconds per call, and set against one whole turn at the bench's /help rate.
 *   npx tsx bench/help-cost.ts [iterations]
 * Numbers move with the machine's load; compare them with each other, within one run.
 */
import { performance } from 'node:perf_hooks';
import { ActivityTypes, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { Application, type TurnState } from '@microsoft/teams-ai';
import { isActivityEnvelope } from '../src/bot/core/activity-envelope';
import { helpText } from '../src/bot/core/texts';
import { VERB_ROUTES } from '../src/bot/core/routes';
import { DEFAULT_ROLE_NAMES, ROLE_LABEL_KEYS, roleNamesOf } from '../src/domain/role-labels';

const N = Number(process.argv[2] ?? 20_000);

function timeIt(label: string, n: number, fn: () => unknown): number {
  for (let i = 0; i < Math.min(2_000, n); i++) fn(); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < n; i++) fn();
  const us = ((performance.now() - t0) * 1000) / n;
  console.log(`${label.padEnd(58)} ${us.toFixed(2).padStart(8)} µs`);
  return us;
}

async function timeAsync(label: string, n: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(500, n); i++) await fn();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  const us = ((performance.now() - t0) * 1000) / n;
  console.log(`${label.padEnd(58)} ${us.toFixed(2).padStart(8)} µs`);
  return us;
}

const helpActivity = (): Partial<Activity> => ({
  type: ActivityTypes.Message,
  id: `a-${Math.random()}`,
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  from: { id: '29:abc', name: 'Docent', aadObjectId: '7f0c0b5e-0000-4000-8000-000000000001' },
  recipient: { id: '28:bot', name: 'Waakvlam' },
  conversation: { id: 'a:personal-1', conversationType: 'personal', tenantId: 't-1' } as Activity['conversation'],
  channelData: { tenant: { id: 't-1' } },
  text: '/help',
  locale: 'nl-NL',
  timestamp: new Date().toISOString() as unknown as Date,
  entities: [{ type: 'clientInfo', locale: 'nl-NL' }],
});

async function main(): Promise<void> {
  const roles = ['preventionWorker', 'mentor'];
  const envelope = helpActivity();
  console.log(`iterations: ${N}`);
  const text = timeIt('helpText (two roles), built every time', N, () =>
    helpText(roles, { demo: false, names: DEFAULT_ROLE_NAMES }),
  );
  const names = roleNamesOf({ roleLabels: { preventionWorker: 'Zorgcoach' } });
  timeIt('  a cache key from a school’s role words (singular + plural)', N, () =>
    ROLE_LABEL_KEYS.map((k) => `${names(k)}/${names(k, { plural: true })}`).join('|'),
  );
  const edge = timeIt('edge check (zod activity envelope) on a /help message', N, () => isActivityEnvelope(envelope));

  // teams-ai routing: the bot's verb routes plus a message route, against calling the handler directly.
  const app = new Application<TurnState>({
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });
  for (const route of VERB_ROUTES) app.adaptiveCards.actionExecute(route.verb, async () => '');
  app.activity(ActivityTypes.Message, async () => undefined);
  const adapter = new TestAdapter();
  const direct = await timeAsync('TurnContext + a handler called directly', N / 4, async () => {
    const ctx = new TurnContext(adapter, helpActivity());
    await (async () => undefined)();
    return ctx;
  });
  const routed = await timeAsync('TurnContext + teams-ai Application.run (all routes)', N / 4, async () =>
    app.run(new TurnContext(adapter, helpActivity())),
  );
  const turnUs = 1e6 / 462; // the CPU time of one /help turn at the fourth round's fresh-clone rate (462 req/s)
  console.log(`\nshare of one /help turn (${turnUs.toFixed(0)} µs of CPU at 462 req/s):`);
  console.log(
    `  help text ${((100 * text) / turnUs).toFixed(1)}%, edge check ${((100 * edge) / turnUs).toFixed(1)}%, teams-ai routing ${((100 * (routed - direct)) / turnUs).toFixed(1)}%`,
  );
}

void main();
