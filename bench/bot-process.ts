/**
 * The bot under test, as its own process: the product's start-up (`startBot` on the embedded
 * Cosmos with the demo school), then, after it listens, the bench-only school of 2,000 pupils and
 * the bench control endpoints on BENCH_CONTROL_PORT (loopback). Started by run-bench.ts.
 */
import { loadConfig } from '../src/config';
import { startBot } from '../src/start-bot';
import { benchControl } from './bench-control';
import { seedBenchSchool } from './bench-seed';

async function main(): Promise<void> {
  const bot = await startBot(loadConfig(process.env));
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
