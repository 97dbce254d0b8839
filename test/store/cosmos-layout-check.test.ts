import { Containers, CosmosClient, Databases } from '@azure/cosmos';
import https from 'node:https';
import { randomUUID } from 'node:crypto';
import { configureLog } from '../../src/log';
import { CosmosLayoutError, openCosmos, type CosmosStore, type TokenCredential } from '../../src/store/cosmos';
import { containerProblems, containerRequest } from '../../src/store/cosmos-layout';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../src/store/embedded-cosmos';

/**
 * Signing in to Cosmos DB with a managed identity (issue 17): the identity's data-plane role
 * cannot create databases or containers, so the bot checks the layout the Bicep created and says
 * what is missing. Against the embedded store (it does not check the token, so a stand-in
 * credential is enough to drive the SDK's Entra ID path).
 */
let tokensAsked = 0;
const standInCredential: TokenCredential = {
  getToken: async () => {
    tokensAsked += 1;
    return { token: 'stand-in-entra-token', expiresOnTimestamp: Date.now() + 3_600_000 };
  },
};

describe('the Cosmos DB layout check for a managed identity (embedded store)', () => {
  let embedded: EmbeddedCosmos;
  let admin: CosmosClient;
  const opened: CosmosStore[] = [];

  beforeAll(async () => {
    configureLog('silent');
    embedded = await startEmbeddedCosmos();
    admin = new CosmosClient({
      endpoint: embedded.endpoint,
      key: embedded.key,
      agent: new https.Agent({ rejectUnauthorized: false }),
      connectionPolicy: { enableEndpointDiscovery: false },
    });
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    for (const s of opened) s.client.dispose();
    admin.dispose();
    await embedded.close();
  });

  /** A database laid out as the key path creates it, minus the given containers. */
  async function databaseWithout(...missing: string[]): Promise<string> {
    const id = `layout-${randomUUID().slice(0, 8)}`;
    opened.push(await openCosmos({ endpoint: embedded.endpoint, key: embedded.key, databaseId: id, selfSigned: true }));
    for (const name of missing) await admin.database(id).container(name).delete();
    return id;
  }

  const openWithIdentity = async (databaseId: string) => {
    const store = await openCosmos({
      endpoint: embedded.endpoint,
      credential: standInCredential,
      databaseId,
      selfSigned: true,
    });
    opened.push(store);
    return store;
  };

  it('refuses to start when a container is missing, naming it and its database', async () => {
    const id = await databaseWithout('audit');
    await expect(openWithIdentity(id)).rejects.toThrow(CosmosLayoutError);
    await expect(openWithIdentity(id)).rejects.toThrow(`Container 'audit' is missing in database '${id}'`);
    // and it did not create it behind the operator's back
    await expect(admin.database(id).container('audit').read()).rejects.toMatchObject({ code: 404 });
  });

  it('names every missing container at once', async () => {
    const id = await databaseWithout('audit', 'leases');
    await expect(openWithIdentity(id)).rejects.toThrow(
      new RegExp(`Container 'audit' is missing in database '${id}'; Container 'leases' is missing`),
    );
  });

  it('refuses to start when the database is missing, and tells how to create it', async () => {
    await expect(openWithIdentity('never-created')).rejects.toThrow(
      /Database 'never-created' is missing in the Cosmos DB account.*infra\/main\.bicep/,
    );
  });

  it('refuses a container partitioned by something else than /schoolId', async () => {
    const id = await databaseWithout('cases');
    await admin.database(id).containers.create({ id: 'cases', partitionKey: { paths: ['/id'] }, defaultTtl: -1 });
    await expect(openWithIdentity(id)).rejects.toThrow(
      `container 'cases' in database '${id}' is partitioned by '/id', expected '/schoolId'`,
    );
  });

  it('opens a complete database with the identity without one create call', async () => {
    const id = await databaseWithout();
    const createDatabase = jest.spyOn(Databases.prototype, 'createIfNotExists');
    const createContainer = jest.spyOn(Containers.prototype, 'createIfNotExists');
    const create = jest.spyOn(Containers.prototype, 'create');
    const asked = tokensAsked;
    const store = await openWithIdentity(id);
    expect(tokensAsked).toBeGreaterThan(asked); // signed in with the credential, not a key
    expect([createDatabase, createContainer, create].map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0]);
    // and the containers it hands out work
    await store.containers.leases.items.create({ id: 'probe', schoolId: 'school-test' });
    expect((await store.containers.leases.item('probe', 'school-test').read()).statusCode).toBe(200);
  });

  it('keeps creating what is missing with a key (local, emulator, key auth)', async () => {
    const id = await databaseWithout('audit');
    const createContainer = jest.spyOn(Containers.prototype, 'createIfNotExists');
    opened.push(await openCosmos({ endpoint: embedded.endpoint, key: embedded.key, databaseId: id, selfSigned: true }));
    expect(createContainer).toHaveBeenCalledTimes(4);
    const { resource } = await admin.database(id).container('audit').read();
    expect(resource).toMatchObject({ partitionKey: { paths: ['/schoolId'] }, defaultTtl: -1 });
  });
});

describe('what the layout check accepts (settings as Cosmos DB returns them)', () => {
  const azureDefaults = {
    indexingPolicy: {
      indexingMode: 'consistent' as const,
      automatic: true,
      includedPaths: [{ path: '/*' }],
      excludedPaths: [{ path: '/"_etag"/?' }],
    },
  };
  const asCreated = (name: 'directory' | 'cases' | 'audit' | 'leases') => ({
    ...containerRequest(name),
    ...azureDefaults,
  });

  it('accepts each container exactly as the key path and the Bicep create it', () => {
    for (const name of ['directory', 'cases', 'audit', 'leases'] as const)
      expect(containerProblems('waakvlam', name, asCreated(name))).toEqual([]);
  });

  it('accepts a positive default TTL on audit only (the Bicep parameter auditDefaultTtlSeconds)', () => {
    expect(containerProblems('waakvlam', 'audit', { ...asCreated('audit'), defaultTtl: 86_400 })).toEqual([]);
    expect(containerProblems('waakvlam', 'cases', { ...asCreated('cases'), defaultTtl: 86_400 })).toEqual([
      "container 'cases' in database 'waakvlam' expires every item after 86400 s, expected defaultTtl -1",
    ]);
    expect(containerProblems('waakvlam', 'directory', { ...asCreated('directory'), defaultTtl: 60 })).toEqual([
      "container 'directory' in database 'waakvlam' expires every item after 60 s, expected no default expiry",
    ]);
  });

  it('refuses TTL switched off where retention relies on it, and indexing the queries cannot use', () => {
    const { defaultTtl: _off, ...noTtl } = asCreated('cases');
    expect(containerProblems('waakvlam', 'cases', noTtl)).toEqual([
      "container 'cases' in database 'waakvlam' has TTL switched off, expected defaultTtl -1 (items expire by their own ttl)",
    ]);
    const lazy = {
      ...asCreated('leases'),
      indexingPolicy: { ...azureDefaults.indexingPolicy, indexingMode: 'none' as const },
    };
    expect(containerProblems('waakvlam', 'leases', lazy)).toEqual([
      "container 'leases' in database 'waakvlam' has indexing mode 'none', expected 'consistent'",
    ]);
    const excluded = {
      ...asCreated('directory'),
      indexingPolicy: { ...azureDefaults.indexingPolicy, excludedPaths: [{ path: '/type/?' }, { path: '/"_etag"/?' }] },
    };
    expect(containerProblems('waakvlam', 'directory', excluded)).toEqual([
      "container 'directory' in database 'waakvlam' excludes /type/? from indexing, expected none",
    ]);
  });
});
