/**
 * Entry point of the embedded Cosmos-compatible server in a process of its own (started by
 * `startEmbeddedCosmos({ childProcess: true })`): the bot then talks to its store over loopback
 * as it talks to Cosmos DB, and the store's query work does not run on the bot's event loop.
 * Tells the parent its endpoint over the IPC channel, reports its memory on request, and exits
 * when the parent goes away.
 */
import { startEmbeddedCosmos } from './embedded-cosmos';

async function main(): Promise<void> {
  const server = await startEmbeddedCosmos(Number(process.env.EMBEDDED_COSMOS_PORT ?? 0));
  process.on('message', (m: { type?: string; id?: number }) => {
    if (m?.type === 'memory') process.send?.({ type: 'memory', id: m.id, memory: process.memoryUsage() });
  });
  process.on('disconnect', () => void server.close().finally(() => process.exit(0)));
  process.send?.({ type: 'ready', endpoint: server.endpoint });
}

main().catch((err) => {
  process.stderr.write(`embedded cosmos failed: ${String((err as Error)?.message ?? err)}\n`);
  process.exit(1);
});
