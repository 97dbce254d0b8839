import type { Clock } from '../domain/clock';
import { AuditRepository } from './audit-repository';
import { openCosmos, type CosmosStore, type TokenCredential } from './cosmos';
import { DirectoryRepository } from './directory-repository';
import { DocStore } from './doc-store';
import { startEmbeddedCosmos, type EmbeddedCosmos } from './embedded-cosmos';
import { LeaseRepository } from './lease-repository';
import { OutboxRepository } from './outbox-repository';
import { RoundRepository } from './round-repository';
import { PrivacyRepository } from './privacy-repository';
import { SignalRepository } from './signal-repository';

/** Every repository, wired to one Cosmos database (Azure, the emulator, or the embedded server). */
export interface Repositories {
  cosmos: CosmosStore;
  directory: DirectoryRepository;
  signals: SignalRepository;
  outbox: OutboxRepository;
  audit: AuditRepository;
  leases: LeaseRepository;
  /** the 1-2-3 round: rounds, saved pages, per-pupil scores (S7) */
  rounds: RoundRepository;
  /** retention and erasure: the only deletes of pupil data and audit entries */
  privacy: PrivacyRepository;
  cases: DocStore;
  /** the embedded server's loopback endpoint and key, when no COSMOS_ENDPOINT was given */
  embedded?: { endpoint: string; key: string };
  /** the store process's memory, when the embedded store runs in a process of its own */
  storeProcessMemory?: () => Promise<NodeJS.MemoryUsage>;
  close(): Promise<void>;
}

export interface StoreOptions {
  endpoint?: string;
  key?: string;
  /** Entra ID instead of a key (managed identity): the store checks the layout, never creates it */
  credential?: TokenCredential;
  databaseId: string;
  clock: Clock;
  /** run the embedded store (no endpoint) in a child process of its own instead of in this one */
  embeddedInChildProcess?: boolean;
  /** an embedded store already being started (started before the bot's modules load, to overlap with them) */
  embeddedStarting?: Promise<EmbeddedCosmos>;
}

export async function openRepositories(opts: StoreOptions): Promise<Repositories> {
  let embedded: EmbeddedCosmos | undefined;
  let endpoint = opts.endpoint;
  let key = opts.key;
  if (!endpoint) {
    embedded = await (opts.embeddedStarting ?? startEmbeddedCosmos(0, { childProcess: opts.embeddedInChildProcess }));
    endpoint = embedded.endpoint;
    key = embedded.key;
  }
  const cosmos = await openCosmos({
    endpoint,
    ...(embedded || !opts.credential ? { key } : { credential: opts.credential }),
    databaseId: opts.databaseId,
    selfSigned: !!embedded,
  });
  const cases = new DocStore(cosmos.containers.cases);
  const directory = new DirectoryRepository(new DocStore(cosmos.containers.directory));
  const signals = new SignalRepository(cases);
  // Cosmos TTL as a second line behind the retention purge job: a closed signal expires a month
  // after the school's retention (the job, which also updates the Teams copies, runs first).
  signals.closedSignalTtlSeconds = async (schoolId) => {
    const months = (await directory.getSchool(schoolId))?.doc.retention.closedSignalMonths;
    return months ? (months * 31 + 31) * 24 * 3600 : undefined;
  };
  return {
    cosmos,
    cases,
    directory,
    signals,
    privacy: new PrivacyRepository(
      {
        cases,
        directory: new DocStore(cosmos.containers.directory),
        audit: new DocStore(cosmos.containers.audit),
        leases: new DocStore(cosmos.containers.leases),
      },
      (schoolId) => directory.invalidatePupils(schoolId),
    ),
    outbox: new OutboxRepository(cases),
    audit: new AuditRepository(new DocStore(cosmos.containers.audit), () => opts.clock.now()),
    rounds: new RoundRepository(cases),
    leases: new LeaseRepository(new DocStore(cosmos.containers.leases)),
    embedded: embedded && { endpoint: embedded.endpoint, key: embedded.key },
    storeProcessMemory: embedded?.pid ? () => embedded.memory() : undefined,
    close: async () => {
      cosmos.client.dispose();
      await embedded?.close();
    },
  };
}
