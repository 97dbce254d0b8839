/**
 * Idle cost: the bot with its jobs on (outbox runner and scheduler) against the embedded store,
 * the demo school seeded, nobody talking to it. Counts the Cosmos requests it makes while idle
 * (the Cosmos meter of src/store/cosmos.ts, as `npm run bench` does) and extrapolates per hour.
 *
 * Usage: npx tsx bench/idle-requests.ts [seconds=60]
 *        OUTBOX_POLL_MS=500 npx tsx bench/idle-requests.ts   (the poll interval before issue 17)
 * Result in docs/performance.md ("Idle").
 */
import { loadConfig } from '../src/config';
import { startBot } from '../src/start-bot';

/** Start-up (seeding, the first scheduler tick and outbox pass) settles before the meter is reset. */
const SETTLE_MS = 5_000;

async function main(): Promise<void> {
  const seconds = Number(process.argv[2] ?? 60);
  const config = loadConfig({ ...process.env, PORT: '0', DISABLE_JOBS: '', DEMO_DATA: 'on', COSMOS_ENDPOINT: '' });
  const bot = await startBot(config);
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const meter = bot.repos.cosmos.meter;
  meter.reset();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const { requests, byKind } = meter.snapshot();
  await bot.close();
  const perHour = Math.round((requests * 3600) / seconds);
  process.stdout.write(
    `${JSON.stringify({
      outboxPollMs: config.OUTBOX_POLL_MS,
      schedulerTickMs: config.SCHEDULER_TICK_MS,
      idleSeconds: seconds,
      requests,
      perHour,
      byKind,
    })}\n`,
  );
  process.exit(0);
}

main().catch((err) => {
  process.stderr.write(`idle bench failed: ${String((err as Error)?.stack ?? err)}\n`);
  process.exit(1);
});
