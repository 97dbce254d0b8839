import { ConfigError, loadConfig } from './config';
import { log } from './log';
import { startBot } from './start-bot';
import { CosmosLayoutError } from './store/cosmos';
import { localStoreFile, publishLocalStore, withdrawLocalStore } from './store/local-store-file';

/** Entry point: `npm start`. Reads the environment (and .env when present), starts the bot. */
async function main(): Promise<void> {
  try {
    process.loadEnvFile?.('.env');
  } catch {
    // no .env: the embedded default needs none
  }
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Waakvlam cannot start: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const bot = await startBot(config);
  process.stdout.write(
    `Waakvlam listens on http://localhost:${bot.port}/api/messages (store: ${config.embeddedStore ? 'embedded Cosmos-compatible server' : config.COSMOS_ENDPOINT})\n`,
  );
  // The embedded store lives in this process: tell local commands (npm run roster:import) where it is.
  const storeFile = bot.repos.embedded ? localStoreFile() : undefined;
  if (storeFile && bot.repos.embedded) {
    publishLocalStore(storeFile, {
      ...bot.repos.embedded,
      database: config.COSMOS_DATABASE,
      pid: process.pid,
      startedAt: new Date().toISOString(),
    });
    process.on('exit', () => withdrawLocalStore(storeFile));
  }
  const shutdown = async (signal: string) => {
    log.info('bot.stopping', { signal });
    if (storeFile) withdrawLocalStore(storeFile);
    await bot.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  if (err instanceof CosmosLayoutError) {
    // The database or a container the Bicep should have created is missing: an operator's fix, named in the message.
    process.stderr.write(`Waakvlam cannot start: ${err.message}\n`);
    process.exit(2);
  }
  log.error('bot.start_failed', { error: String((err as Error)?.name ?? 'Error') });
  process.stderr.write(`Waakvlam failed to start: ${(err as Error)?.message ?? err}\n`);
  process.exit(1);
});
