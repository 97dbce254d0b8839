import https from 'node:https';
import { CosmosClient, type Container, type Database } from '@azure/cosmos';
import { log } from '../log';

/** The containers Waakvlam uses. Every one is partitioned by /schoolId. */
export const CONTAINERS = {
  /** schools, staff, pupils, conversation references */
  directory: 'directory',
  /** signals, reference counters, outbox messages, rounds and score pages, processed-activity markers */
  cases: 'cases',
  /** append-only audit entries */
  audit: 'audit',
  /** scheduler leases and job markers */
  leases: 'leases',
} as const;
export type ContainerName = keyof typeof CONTAINERS;

/** Counts what the SDK sends, per operation, for benchmarks and cost tests. */
export class CosmosMeter {
  requests = 0;
  requestCharge = 0;
  readonly byKind = new Map<string, number>();
  record(kind: string, charge: number): void {
    this.requests += 1;
    this.requestCharge += charge;
    this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
  }
  snapshot(): { requests: number; requestCharge: number; byKind: Record<string, number> } {
    return { requests: this.requests, requestCharge: this.requestCharge, byKind: Object.fromEntries(this.byKind) };
  }
  reset(): void {
    this.requests = 0;
    this.requestCharge = 0;
    this.byKind.clear();
  }
}

export interface CosmosStore {
  client: CosmosClient;
  database: Database;
  containers: Record<ContainerName, Container>;
  meter: CosmosMeter;
}

export interface CosmosOptions {
  endpoint: string;
  key?: string;
  databaseId: string;
  /** true for the embedded server's self-signed certificate (loopback only). */
  selfSigned: boolean;
}

/**
 * @azure/cosmos 4.x serialises every operation's diagnostics to a JSON string
 * (`ClientContext.recordDiagnostics` → `JSON.stringify`) and, at its default diagnostic level
 * ('info'), hands the string to a writer that discards it: about 1% of the bot's CPU in the
 * benchmark profile plus the garbage. At that level the string is never used, so it is not made.
 * The diagnostics object on each response stays as it is; other levels are left alone.
 */
function skipDiscardedDiagnostics(client: CosmosClient): void {
  const context = (
    client as unknown as {
      clientContext?: { diagnosticLevel?: string; diagnosticFormatter?: { format(d: unknown): string } };
    }
  ).clientContext;
  if (context?.diagnosticFormatter && context.diagnosticLevel === 'info')
    context.diagnosticFormatter = { format: () => '' };
}

export async function openCosmos(opts: CosmosOptions): Promise<CosmosStore> {
  const meter = new CosmosMeter();
  const plugins = [
    {
      on: 'request',
      plugin: async (
        context: { operationType?: string; resourceType?: string },
        _diag: unknown,
        next: (c: unknown) => Promise<{ headers: Record<string, string> }>,
      ) => {
        // Counted whether it succeeds or not: a 404 or 412 is a request (and charged) too.
        let headers: Record<string, unknown> | undefined;
        try {
          const response = await next(context);
          headers = response.headers;
          return response;
        } catch (err) {
          headers = (err as { headers?: Record<string, unknown> })?.headers;
          throw err;
        } finally {
          const charge = Number(headers?.['x-ms-request-charge'] ?? 0);
          meter.record(
            `${context.resourceType ?? '?'}:${context.operationType ?? '?'}`,
            Number.isFinite(charge) ? charge : 0,
          );
        }
      },
    },
  ];
  if (opts.selfSigned && !/^https:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(opts.endpoint)) {
    throw new Error('Self-signed TLS is only accepted for a loopback Cosmos endpoint');
  }
  const client = new CosmosClient({
    endpoint: opts.endpoint,
    key: opts.key,
    agent: opts.selfSigned ? new https.Agent({ rejectUnauthorized: false, keepAlive: true }) : undefined,
    connectionPolicy: { enableEndpointDiscovery: !opts.selfSigned },
    plugins,
  } as ConstructorParameters<typeof CosmosClient>[0]);
  skipDiscardedDiagnostics(client);
  const { database } = await client.databases.createIfNotExists({ id: opts.databaseId });
  const containers = {} as Record<ContainerName, Container>;
  for (const [name, id] of Object.entries(CONTAINERS) as [ContainerName, string][]) {
    const { container } = await database.containers.createIfNotExists({
      id,
      partitionKey: { paths: ['/schoolId'] },
      // Per-item `ttl` is honoured by Cosmos DB; retention is also enforced by the purge job,
      // which the embedded server needs (it has no TTL) and which updates Teams messages too.
      defaultTtl: name === 'cases' || name === 'audit' ? -1 : undefined,
    });
    containers[name] = container;
  }
  log.info('cosmos.ready', { database: opts.databaseId, embedded: opts.selfSigned });
  return { client, database, containers, meter };
}
