import type { ContainerDefinition } from '@azure/cosmos';

/**
 * The database layout Waakvlam expects: four containers, every one partitioned by /schoolId
 * (hash, version 2), default indexing, TTL switched on (-1: items expire only by their own `ttl`)
 * where retention applies. With a key the bot creates this layout itself; with a managed identity
 * the Bicep (infra/modules/cosmos.bicep) creates it and the bot only checks it at start-up.
 * test/package/infra-identity.test.ts compares the Bicep with this file.
 */
export const PARTITION_KEY = { paths: ['/schoolId'], kind: 'Hash', version: 2 } as const;

export interface ContainerLayout {
  id: string;
  /** -1: TTL on, no default expiry; undefined: TTL off */
  defaultTtl?: -1;
  /** a positive default TTL is an operator's retention choice here (the Bicep's auditDefaultTtlSeconds) */
  positiveTtlAllowed?: boolean;
  /** what it holds */
  holds: string;
}

export const CONTAINER_LAYOUT = {
  directory: { id: 'directory', holds: 'schools, staff, pupils, conversation references' },
  cases: {
    id: 'cases',
    defaultTtl: -1,
    holds: 'signals, reference counters, outbox messages, rounds and score pages, processed-activity markers',
  },
  audit: { id: 'audit', defaultTtl: -1, positiveTtlAllowed: true, holds: 'append-only audit entries' },
  leases: { id: 'leases', holds: 'scheduler leases and job markers' },
} as const satisfies Record<string, ContainerLayout>;

export type ContainerName = keyof typeof CONTAINER_LAYOUT;

/** The request that creates a container as the code expects it (key auth only). */
export function containerRequest(name: ContainerName): ContainerDefinition {
  const c: ContainerLayout = CONTAINER_LAYOUT[name];
  return {
    id: c.id,
    partitionKey: { paths: [...PARTITION_KEY.paths], kind: PARTITION_KEY.kind, version: PARTITION_KEY.version },
    // Per-item `ttl` is honoured by Cosmos DB; retention is also enforced by the purge job,
    // which the embedded server needs (it has no TTL) and which updates Teams messages too.
    defaultTtl: c.defaultTtl,
  } as ContainerDefinition;
}

/**
 * What is wrong with one container as read back from the account (undefined: it is missing),
 * in plain words for the start-up log. Settings the server does not return are not judged.
 */
export function containerProblems(
  databaseId: string,
  name: ContainerName,
  found: ContainerDefinition | undefined,
): string[] {
  const want: ContainerLayout = CONTAINER_LAYOUT[name];
  const where = `container '${want.id}' in database '${databaseId}'`;
  if (!found) return [`Container '${want.id}' is missing in database '${databaseId}'`];
  const problems: string[] = [];
  const paths = found.partitionKey?.paths ?? [];
  if (paths.join(',') !== PARTITION_KEY.paths.join(','))
    problems.push(`${where} is partitioned by '${paths.join(',') || 'nothing'}', expected '/schoolId'`);
  const ttl = found.defaultTtl;
  if (want.defaultTtl === -1 && ttl === undefined)
    problems.push(`${where} has TTL switched off, expected defaultTtl -1 (items expire by their own ttl)`);
  if (want.defaultTtl === -1 && ttl !== undefined && ttl > 0 && !want.positiveTtlAllowed)
    problems.push(`${where} expires every item after ${ttl} s, expected defaultTtl -1`);
  if (want.defaultTtl === undefined && ttl !== undefined && ttl > 0)
    problems.push(`${where} expires every item after ${ttl} s, expected no default expiry`);
  const indexing = found.indexingPolicy;
  if (indexing?.indexingMode && indexing.indexingMode.toLowerCase() !== 'consistent')
    problems.push(`${where} has indexing mode '${indexing.indexingMode}', expected 'consistent'`);
  if (indexing?.automatic === false) problems.push(`${where} has automatic indexing off, expected on`);
  const included = indexing?.includedPaths?.map((p) => p.path);
  if (included && included.length > 0 && !included.includes('/*'))
    problems.push(`${where} does not index '/*' (the default), which the bot's queries need`);
  const excluded = (indexing?.excludedPaths ?? []).map((p) => p.path).filter((p) => p !== '/"_etag"/?');
  if (excluded.length > 0) problems.push(`${where} excludes ${excluded.join(', ')} from indexing, expected none`);
  return problems;
}
