import type { Clock } from '../domain/clock';
import { AuditRepository } from './audit-repository';
import { openCosmos, type CosmosStore } from './cosmos';
import { DirectoryRepository } from './directory-repository';
import { DocStore } from './doc-store';
import { startEmbeddedCosmos, type EmbeddedCosmos } from './embedded-cosmos';
import { LeaseRepository } from './lease-repository';
import { OutboxRepository } from './outbox-repository';
import { SignalRepository } from './signal-repository';

/** Every repository, wired to one Cosmos database (Azure, the emulator, or the embedded server). */
export interface Repositories {
  cosmos: CosmosStore;
  directory: DirectoryRepository;
  signals: SignalRepository;
  outbox: OutboxRepository;
  audit: AuditRepository;
  leases: LeaseRepository;
  cases: DocStore;
  close(): Promise<void>;
}

export interface StoreOptions {
  endpoint?: string;
  key?: string;
  databaseId: string;
  clock: Clock;
}

export async function openRepositories(opts: StoreOptions): Promise<Repositories> {
  let embedded: EmbeddedCosmos | undefined;
  let endpoint = opts.endpoint;
  let key = opts.key;
  if (!endpoint) {
    embedded = await startEmbeddedCosmos();
    endpoint = embedded.endpoint;
    key = embedded.key;
  }
  const cosmos = await openCosmos({ endpoint, key, databaseId: opts.databaseId, selfSigned: !!embedded });
  const cases = new DocStore(cosmos.containers.cases);
  return {
    cosmos,
    cases,
    directory: new DirectoryRepository(new DocStore(cosmos.containers.directory)),
    signals: new SignalRepository(cases),
    outbox: new OutboxRepository(cases),
    audit: new AuditRepository(new DocStore(cosmos.containers.audit), () => opts.clock.now()),
    leases: new LeaseRepository(new DocStore(cosmos.containers.leases)),
    close: async () => {
      cosmos.client.dispose();
      await embedded?.close();
    },
  };
}
