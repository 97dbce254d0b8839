/**
 * The bot under test, as its own process: the product's start-up (`startBot` on the embedded
 * Cosmos with the demo school), then, after it listens, the bench-only school of 2,000 pupils and
 * the bench control endpoints on BENCH_CONTROL_PORT (loopback). Started by run-bench.ts, compiled
 * (`node`, as production starts) unless BENCH_TSX=1.
 */
import { startEmbeddedStoreEarly } from '../src/store/embedded-store-early';

// The store's process starts first, while the bot's modules load (cold start, docs/performance.md).
const embeddedStarting = startEmbeddedStoreEarly();

async function main(): Promise<void> {
  const { loadConfig } = await import('../src/config');
  const { startBot } = await import('../src/start-bot');
  const { benchControl } = await import('./bench-control');
  const { seedBenchSchool } = await import('./bench-seed');
  const bot = await startBot(loadConfig(process.env), { embeddedStarting });
  let ready = false;
  const control = benchControl(bot, () => ready);
  await new Promise<void>((r) => control.listen(Number(process.env.BENCH_CONTROL_PORT ?? 0), '127.0.0.1', () => r()));
  await seedBenchSchool(bot.repos, Number(process.env.BENCH_PUPILS ?? 2000));
  ready = true;
  const stop = async () => {
    control.close();
    await bot.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((err) => {
  process.stderr.write(`bench bot failed: ${String((err as Error)?.stack ?? err)}\n`);
  process.exit(1);
});
