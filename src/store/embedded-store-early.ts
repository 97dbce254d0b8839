import { startEmbeddedCosmos, type EmbeddedCosmos } from './embedded-cosmos';

/**
 * Starts the embedded store's own process first thing, so that it starts while the entry point
 * loads the bot's modules (both take about a second; on two cores they overlap). Only for the
 * embedded store in a child process (no COSMOS_ENDPOINT, EMBEDDED_COSMOS=child-process); pass the
 * result to `startBot(config, { embeddedStarting })`. Reads the environment directly because the
 * configuration module is not loaded yet; `startBot` checks the configuration as always.
 */
export function startEmbeddedStoreEarly(env: NodeJS.ProcessEnv = process.env): Promise<EmbeddedCosmos> | undefined {
  if (env.COSMOS_ENDPOINT || env.EMBEDDED_COSMOS !== 'child-process') return undefined;
  const starting = startEmbeddedCosmos(0, { childProcess: true });
  starting.catch(() => undefined); // reported where it is awaited (openRepositories)
  return starting;
}
