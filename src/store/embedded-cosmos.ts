import type { AddressInfo } from 'node:net';
import { installAtomicBatch } from './embedded-atomic-batch';

/**
 * The embedded Cosmos-compatible server for local runs and tests: loopback only, TLS with the
 * package's self-signed certificate. State lives in memory for the life of the process.
 */
export interface EmbeddedCosmos {
  endpoint: string;
  key: string;
  close(): Promise<void>;
}

export const EMBEDDED_KEY = 'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==';

export async function startEmbeddedCosmos(port = 0): Promise<EmbeddedCosmos> {
  installAtomicBatch();
  // Loaded after the batch handler is replaced, so its route table picks the atomic one.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHttpsServer } = require('@vercel/cosmosdb-server') as typeof import('@vercel/cosmosdb-server');
  const server = createHttpsServer({ keepAlive: true } as never);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    endpoint: `https://127.0.0.1:${address.port}`,
    key: EMBEDDED_KEY,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
