/**
 * The deployment signs in without secrets where it can (issue 17): the Bicep creates the Cosmos DB
 * layout the code expects (the managed identity cannot), grants exactly the data-plane role the
 * bot needs, and gives the Web App settings that start the bot in production mode for either
 * bot identity. No Bicep compiler is installable here (not on npm, not in Debian), so these read
 * the templates' text; test/package/deploy-files.test.ts checks their wiring.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../src/config';
import { CONTAINER_LAYOUT, PARTITION_KEY, containerRequest, type ContainerName } from '../../src/store/cosmos-layout';

const ROOT = path.resolve(__dirname, '..', '..');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const main = read('infra/main.bicep');
const cosmos = read('infra/modules/cosmos.bicep');
const access = read('infra/modules/access.bicep');

/** The text of the `[…]` or `{…}` that opens at `open`. */
function bracketed(src: string, open: number): string {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    if ('[{('.includes(src[i])) depth++;
    else if (']})'.includes(src[i]) && --depth === 0) return src.slice(open + 1, i);
  }
  throw new Error('unbalanced');
}

/** The default of a `param name type = value` line. */
const paramDefault = (src: string, name: string) => new RegExp(`^param ${name} \\w+ = (.+)$`, 'm').exec(src)?.[1];

describe('the Cosmos DB layout in the Bicep is the one the code creates and checks', () => {
  const list = bracketed(main, main.indexOf('[', main.indexOf('var containers')));
  const bicepContainers = [...list.matchAll(/\{ name: '(\w+)'(?:, defaultTtl: ([\w-]+))? \}/g)].map((m) => ({
    name: m[1],
    defaultTtl: m[2] && /^-?\d+$/.test(m[2]) ? Number(m[2]) : m[2] ? Number(paramDefault(main, m[2])) : undefined,
    ttlParam: m[2] && !/^-?\d+$/.test(m[2]) ? m[2] : undefined,
  }));

  it('creates the same containers with the same default TTL', () => {
    expect(bicepContainers.map((c) => c.name).sort()).toEqual(
      Object.values(CONTAINER_LAYOUT)
        .map((c) => c.id)
        .sort(),
    );
    for (const c of bicepContainers) {
      const code = containerRequest(c.name as ContainerName);
      expect({ container: c.name, defaultTtl: c.defaultTtl }).toEqual({
        container: c.name,
        defaultTtl: code.defaultTtl,
      });
    }
    // a parameter may give audit a positive retention; the start-up check allows it there only
    const parameterised = bicepContainers.filter((c) => c.ttlParam).map((c) => c.name);
    expect(parameterised).toEqual(
      Object.entries(CONTAINER_LAYOUT)
        .filter(([, c]) => 'positiveTtlAllowed' in c && c.positiveTtlAllowed)
        .map(([, c]) => c.id),
    );
  });

  it('partitions every container by the same key, hash version 2, as the code', () => {
    const pk = bracketed(cosmos, cosmos.indexOf('{', cosmos.indexOf('partitionKey:')));
    expect([...pk.matchAll(/'(\/\w+)'/g)].map((m) => m[1])).toEqual([...PARTITION_KEY.paths]);
    expect(pk).toMatch(new RegExp(`kind: '${PARTITION_KEY.kind}'`));
    expect(pk).toMatch(new RegExp(`version: ${PARTITION_KEY.version}\\b`));
    expect(containerRequest('cases').partitionKey).toEqual({ paths: ['/schoolId'], kind: 'Hash', version: 2 });
  });

  it('leaves indexing at the default in both places (the queries rely on every path being indexed)', () => {
    expect(cosmos).not.toMatch(/indexingPolicy/);
    for (const name of Object.keys(CONTAINER_LAYOUT) as ContainerName[])
      expect(containerRequest(name).indexingPolicy).toBeUndefined();
  });
});

describe('what the Web App identity may do in Cosmos DB', () => {
  it('gets exactly one data-plane role: Built-in Data Contributor, scoped to the Waakvlam database', () => {
    // the bot's identity, and (same role, same scope) the operators who run the command line tools
    const assignments = [
      ...access.matchAll(
        /^resource (\w+) 'Microsoft\.DocumentDB\/databaseAccounts\/sqlRoleAssignments@[^']+' = (\[for \w+ in (\w+): )?\{/gm,
      ),
    ];
    expect(assignments.map((m) => [m[1], m[3]])).toEqual([
      ['cosmosDataContributor', undefined],
      ['operatorDataContributor', 'operatorPrincipalIds'],
    ]);
    expect(access).toContain("var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'");
    expect(access.match(/roleDefinitionId: '\$\{cosmosAccount\.id\}\/sqlRoleDefinitions\/\$\{(\w+)\}'/g)).toHaveLength(
      2,
    );
    expect([...access.matchAll(/sqlRoleDefinitions\/\$\{(\w+)\}/g)].map((m) => m[1])).toEqual([
      'cosmosDataContributorRoleId',
      'cosmosDataContributorRoleId',
    ]);
    expect(access.match(/scope: '\$\{cosmosAccount\.id\}\/dbs\/\$\{cosmosDatabaseName\}'/g)).toHaveLength(2);
    expect(access).not.toMatch(/scope: cosmosAccount\.id/);
    expect(main).toMatch(/^\s+cosmosDatabaseName: cosmosDatabaseName$/m);
  });

  it('gets no control-plane role on Cosmos DB, and Key Vault only while the vault holds a secret it reads', () => {
    const rbac = [
      ...access.matchAll(/resource (\w+) 'Microsoft\.Authorization\/roleAssignments@[^']+' = (if \((\w+)\) )?\{/g),
    ];
    expect(rbac.map((m) => [m[1], m[3]])).toEqual([['secretsUser', 'grantSecretsUser']]);
    expect(main).toContain('grantSecretsUser: !botUsesIdentity || cosmosKeyAuth');
  });

  it('switches key auth off on the account when the identity signs in, and stores no key then', () => {
    expect(cosmos).toContain('disableLocalAuth: !keyAuth');
    expect(main).toContain("COSMOS_AUTH: cosmosKeyAuth ? 'key' : 'managedIdentity'");
    expect(main).toContain(
      "cosmosKeyAuth ? { COSMOS_KEY: '@Microsoft.KeyVault(SecretUri=${vault.outputs.cosmosKeySecretUri})' } : {}",
    );
    // the CLI example deploys keyless
    expect(read('infra/main.bicepparam')).toMatch(/^param cosmosKeyAuth = false$/m);
  });
});

describe("the bot's Bot Framework identity", () => {
  const settingsFor = (botUsesIdentity: boolean, cosmosKeyAuth: boolean): NodeJS.ProcessEnv => {
    // the values main.bicep writes, taken from its text (ternaries on botUsesIdentity / cosmosKeyAuth)
    const pick = (name: string) => {
      const m = new RegExp(`^\\s+${name}: (\\w+) \\? '([^']*)' : '([^']*)'$`, 'm').exec(main);
      if (!m) throw new Error(`${name} is not set by a ternary in main.bicep`);
      const on = m[1] === 'botUsesIdentity' ? botUsesIdentity : cosmosKeyAuth;
      return on ? m[2] : m[3];
    };
    return {
      NODE_ENV: 'production',
      MICROSOFT_APP_ID: '2b0f2d2e-6a1c-4c3e-9f41-5d7b8e0a1c22',
      MICROSOFT_APP_TYPE: pick('MICROSOFT_APP_TYPE'),
      MICROSOFT_APP_TENANT_ID: 'f4801c24-a43b-528f-9f61-f21a7d3447a8',
      ...(botUsesIdentity ? {} : { MICROSOFT_APP_PASSWORD: 'from-key-vault' }),
      ALLOWED_TENANTS: 'f4801c24-a43b-528f-9f61-f21a7d3447a8',
      COSMOS_ENDPOINT: 'https://waakvlam.documents.azure.com:443/',
      COSMOS_DATABASE: 'waakvlam',
      COSMOS_AUTH: pick('COSMOS_AUTH'),
      ...(cosmosKeyAuth ? { COSMOS_KEY: 'from-key-vault' } : {}),
      DEMO_DATA: 'off',
    };
  };

  it.each([
    [true, false],
    [true, true],
    [false, false],
    [false, true],
  ])('gives the Web App settings that start the bot in production (identity %s, Cosmos key %s)', (identity, key) => {
    const c = loadConfig(settingsFor(identity, key));
    expect(c.MICROSOFT_APP_TYPE).toBe(identity ? 'UserAssignedMSI' : 'SingleTenant');
    expect(c.cosmosAuth.kind).toBe(key ? 'key' : 'managedIdentity');
  });

  it('passes the client secret only with botAuth clientSecret, and stores it only then', () => {
    expect(main).toContain(
      "botUsesIdentity ? {} : { MICROSOFT_APP_PASSWORD: '@Microsoft.KeyVault(SecretUri=${vault.outputs.botSecretUri})' }",
    );
    expect(main).toContain('storeBotSecret: !botUsesIdentity');
    expect(read('infra/modules/key-vault.bicep')).toMatch(/resource botSecret '[^']+' = if \(storeBotSecret\)/);
  });

  it('registers the Azure Bot as UserAssignedMSI with the identity the Web App carries', () => {
    const bot = read('infra/modules/bot.bicep');
    expect(bot).toContain('msaAppType: msaAppType');
    expect(bot).toContain("msaAppMSIResourceId: msaAppType == 'UserAssignedMSI' ? msiResourceId : null");
    expect(main).toContain("msaAppType: botUsesIdentity ? 'UserAssignedMSI' : 'SingleTenant'");
    expect(main).toContain("msiResourceId: botUsesIdentity ? botIdentity!.outputs.resourceId : ''");
    expect(main).toContain("userAssignedIdentityId: botUsesIdentity ? botIdentity!.outputs.resourceId : ''");
    expect(main).toContain('var effectiveBotAppId = botUsesIdentity ? botIdentity!.outputs.clientId : botAppId');
    expect(read('infra/modules/web-app.bicep')).toContain("type: 'SystemAssigned, UserAssigned'");
    expect(read('infra/modules/bot-identity.bicep')).toMatch(/'Microsoft\.ManagedIdentity\/userAssignedIdentities@/);
  });
});
