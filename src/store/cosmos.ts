import https from 'node:https';
import {
  CosmosClient,
  type Container,
  type ContainerDefinition,
  type CosmosClientOptions,
  type Database,
} from '@azure/cosmos';
import { log } from '../log';
import { CONTAINER_LAYOUT, containerProblems, containerRequest, type ContainerName } from './cosmos-layout';

/** The containers Waakvlam uses (ids). Every one is partitioned by /schoolId; the layout is in cosmos-layout.ts. */
export const CONTAINERS = Object.fromEntries(Object.entries(CONTAINER_LAYOUT).map(([k, v]) => [k, v.id])) as {
  [K in ContainerName]: (typeof CONTAINER_LAYOUT)[K]['id'];
};
export type { ContainerName } from './cosmos-layout';

/** An Entra ID token source (in production a managed identity from @azure/identity, built in the wiring). */
export type TokenCredential = NonNullable<CosmosClientOptions['aadCredentials']>;

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
  /** account key: the bot creates the database and containers it misses (local, emulator, key auth) */
  key?: string;
  /**
   * Entra ID credential (a managed identity) instead of a key. Its data-plane role cannot create
   * databases or containers, so the bot only checks that the Bicep created them as expected.
   */
  credential?: TokenCredential;
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
  if (opts.key && opts.credential) throw new Error('Cosmos DB: give a key or a credential, not both');
  const client = new CosmosClient({
    endpoint: opts.endpoint,
    key: opts.credential ? undefined : opts.key,
    aadCredentials: opts.credential,
    agent: opts.selfSigned ? new https.Agent({ rejectUnauthorized: false, keepAlive: true }) : undefined,
    connectionPolicy: { enableEndpointDiscovery: !opts.selfSigned },
    plugins,
  } as ConstructorParameters<typeof CosmosClient>[0]);
  skipDiscardedDiagnostics(client);
  const layout = opts.credential
    ? await checkLayout(client, opts.databaseId)
    : await createLayout(client, opts.databaseId);
  log.info('cosmos.ready', {
    database: opts.databaseId,
    embedded: opts.selfSigned,
    auth: opts.credential ? 'entra' : 'key',
  });
  return { client, ...layout, meter };
}

type Layout = Pick<CosmosStore, 'database' | 'containers'>;

/** Key auth: create what is missing, as cosmos-layout.ts describes it. */
async function createLayout(client: CosmosClient, databaseId: string): Promise<Layout> {
  const { database } = await client.databases.createIfNotExists({ id: databaseId });
  const containers = {} as Record<ContainerName, Container>;
  for (const name of Object.keys(CONTAINER_LAYOUT) as ContainerName[]) {
    const { container } = await database.containers.createIfNotExists(containerRequest(name));
    containers[name] = container;
  }
  return { database, containers };
}

/** Start-up refusal: the database or a container is missing or set up differently than the code expects. */
export class CosmosLayoutError extends Error {}

const notFound = (err: unknown) => (err as { code?: unknown })?.code === 404;

/**
 * Entra ID (managed identity): read, never create. Fails with every problem in plain words, so
 * an operator sees at once what the deployment (infra/main.bicep) must add or change.
 */
export async function checkLayout(client: CosmosClient, databaseId: string): Promise<Layout> {
  const database = client.database(databaseId);
  const fix = 'Deploy infra/main.bicep (it creates them), or create them as docs/deploy.md lists.';
  try {
    await database.read();
  } catch (err) {
    if (notFound(err))
      throw new CosmosLayoutError(
        `Database '${databaseId}' is missing in the Cosmos DB account; the managed identity may not create it. ${fix}`,
      );
    throw err;
  }
  const problems: string[] = [];
  const containers = {} as Record<ContainerName, Container>;
  for (const name of Object.keys(CONTAINER_LAYOUT) as ContainerName[]) {
    const container = database.container(CONTAINER_LAYOUT[name].id);
    let found: ContainerDefinition | undefined;
    try {
      found = (await container.read()).resource;
    } catch (err) {
      if (!notFound(err)) throw err;
    }
    problems.push(...containerProblems(databaseId, name, found));
    containers[name] = container;
  }
  if (problems.length > 0) {
    log.error('cosmos.layout_mismatch', { database: databaseId, problems: problems.length });
    throw new CosmosLayoutError(`${problems.join('; ')}. The managed identity may not create or change them. ${fix}`);
  }
  return { database, containers };
}
