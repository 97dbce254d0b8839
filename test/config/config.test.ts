import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { botCredentialSettings } from '../../src/bot/core/auth-settings';
import { ConfigError, loadConfig } from '../../src/config';

const production = {
  NODE_ENV: 'production',
  MICROSOFT_APP_ID: '6f1b2c3d-0000-4000-8000-00000000b07a',
  MICROSOFT_APP_PASSWORD: 'secret',
  MICROSOFT_APP_TENANT_ID: 'f4801c24-a43b-528f-9f61-f21a7d3447a8',
  COSMOS_ENDPOINT: 'https://waakvlam.documents.azure.com:443/',
  COSMOS_KEY: 'cosmos-key',
  ALLOWED_TENANTS: 'f4801c24-a43b-528f-9f61-f21a7d3447a8',
  DEMO_DATA: 'off',
};

describe('configuration (issue 7)', () => {
  it('starts in production mode with credentials, Cosmos DB, a tenant allow-list and no demo data', () => {
    const c = loadConfig(production);
    expect(c.embeddedStore).toBe(false);
    expect(c.allowedTenants).toEqual(['f4801c24-a43b-528f-9f61-f21a7d3447a8']);
    expect(c.demoData).toBe(false);
  });

  it.each([
    ['without MICROSOFT_APP_ID, which would switch authentication off', { MICROSOFT_APP_ID: '' }, /MICROSOFT_APP_ID/],
    ['without MICROSOFT_APP_PASSWORD', { MICROSOFT_APP_PASSWORD: '' }, /MICROSOFT_APP_PASSWORD/],
    ['with the embedded store', { COSMOS_ENDPOINT: '' }, /COSMOS_ENDPOINT/],
    ['without a tenant allow-list', { ALLOWED_TENANTS: ' , ' }, /ALLOWED_TENANTS/],
    ['with demo data', { DEMO_DATA: 'on' }, /demo data/],
  ])('refuses to start in production mode %s', (_case, change, message) => {
    expect(() => loadConfig({ ...production, ...change })).toThrow(ConfigError);
    expect(() => loadConfig({ ...production, ...change })).toThrow(message);
  });

  it('lets a managed identity run in production without a password', () => {
    expect(
      loadConfig({ ...production, MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_PASSWORD: '' })
        .MICROSOFT_APP_TYPE,
    ).toBe('UserAssignedMSI');
  });

  it('runs without credentials (authentication off) outside production only', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).MICROSOFT_APP_ID).toBe('');
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/MICROSOFT_APP_ID/);
  });

  it('refuses an invalid environment with the variable named and no value echoed', () => {
    expect(() => loadConfig({ PORT: 'not-a-port' })).toThrow(/PORT/);
    expect(() => loadConfig({ BOT_OPENID_METADATA: 'not a url' })).toThrow(/BOT_OPENID_METADATA/);
    expect(() => loadConfig({ MICROSOFT_APP_TYPE: 'secret-looking-value' })).not.toThrow(/secret-looking-value/);
  });

  it('splits and trims the tenant allow-list', () => {
    expect(loadConfig({ ALLOWED_TENANTS: ' a , b,,c ' }).allowedTenants).toEqual(['a', 'b', 'c']);
  });
});

describe('signing in to Cosmos DB and Bot Framework without secrets (issue 17)', () => {
  const USER_ASSIGNED = '2b0f2d2e-6a1c-4c3e-9f41-5d7b8e0a1c22';
  const keyless = { ...production, COSMOS_KEY: '' };

  it('uses the account key when COSMOS_KEY is given, and the embedded store its own key', () => {
    expect(loadConfig(production).cosmosAuth).toEqual({ kind: 'key' });
    expect(loadConfig({ NODE_ENV: 'development' }).cosmosAuth).toEqual({ kind: 'key' });
  });

  it('uses the system-assigned managed identity when COSMOS_ENDPOINT is set without a key', () => {
    expect(loadConfig(keyless).cosmosAuth).toEqual({ kind: 'managedIdentity', clientId: undefined });
    expect(loadConfig({ ...keyless, COSMOS_AUTH: 'managedIdentity' }).cosmosAuth).toEqual({
      kind: 'managedIdentity',
      clientId: undefined,
    });
  });

  it('uses a user-assigned managed identity by its client id (AZURE_CLIENT_ID)', () => {
    expect(loadConfig({ ...keyless, AZURE_CLIENT_ID: USER_ASSIGNED }).cosmosAuth).toEqual({
      kind: 'managedIdentity',
      clientId: USER_ASSIGNED,
    });
    expect(() => loadConfig({ ...keyless, AZURE_CLIENT_ID: 'not-a-client-id' })).toThrow(/AZURE_CLIENT_ID/);
  });

  it.each([
    [
      'a key with the managed identity',
      { COSMOS_AUTH: 'managedIdentity' },
      /COSMOS_KEY is set while COSMOS_AUTH=managedIdentity/,
    ],
    ['key auth without a key', { COSMOS_AUTH: 'key', COSMOS_KEY: '' }, /COSMOS_AUTH=key needs COSMOS_KEY/],
    [
      'the managed identity with the embedded store',
      { COSMOS_AUTH: 'managedIdentity', COSMOS_ENDPOINT: '', COSMOS_KEY: '', NODE_ENV: 'development' },
      /needs COSMOS_ENDPOINT/,
    ],
    ['an unknown way of signing in', { COSMOS_AUTH: 'password' }, /COSMOS_AUTH/],
  ])('refuses %s', (_case, change, message) => {
    expect(() => loadConfig({ ...production, ...change })).toThrow(ConfigError);
    expect(() => loadConfig({ ...production, ...change })).toThrow(message);
  });

  it('runs the bot as a user-assigned managed identity with no secret at all, in production', () => {
    const c = loadConfig({
      ...keyless,
      MICROSOFT_APP_TYPE: 'UserAssignedMSI',
      MICROSOFT_APP_ID: USER_ASSIGNED,
      MICROSOFT_APP_PASSWORD: '',
      AZURE_CLIENT_ID: USER_ASSIGNED,
    });
    expect([c.MICROSOFT_APP_TYPE, c.MICROSOFT_APP_ID, c.MICROSOFT_APP_PASSWORD]).toEqual([
      'UserAssignedMSI',
      USER_ASSIGNED,
      '',
    ]);
    expect(c.cosmosAuth).toEqual({ kind: 'managedIdentity', clientId: USER_ASSIGNED });
  });

  it.each([
    ['UserAssignedMSI with a leftover secret', { MICROSOFT_APP_TYPE: 'UserAssignedMSI' }, /needs no secret; remove it/],
    [
      'UserAssignedMSI without the tenant',
      { MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_PASSWORD: '', MICROSOFT_APP_TENANT_ID: '' },
      /UserAssignedMSI needs MICROSOFT_APP_TENANT_ID/,
    ],
    ['SingleTenant without the tenant', { MICROSOFT_APP_TENANT_ID: '' }, /SingleTenant needs MICROSOFT_APP_TENANT_ID/],
    [
      "UserAssignedMSI without the identity's client id",
      { MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_PASSWORD: '', MICROSOFT_APP_ID: '' },
      /MICROSOFT_APP_ID/,
    ],
  ])('refuses the bot credential %s (botbuilder would assert later)', (_case, change, message) => {
    expect(() => loadConfig({ ...production, ...change })).toThrow(ConfigError);
    expect(() => loadConfig({ ...production, ...change })).toThrow(message);
  });

  it('hands botbuilder the settings for each credential, with no password for the managed identity', () => {
    expect(
      botCredentialSettings({ appId: USER_ASSIGNED, password: 'x', type: 'UserAssignedMSI', tenantId: 't' }),
    ).toEqual({
      MicrosoftAppId: USER_ASSIGNED,
      MicrosoftAppPassword: '',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: 't',
    });
    expect(botCredentialSettings({ appId: '', password: '', type: 'SingleTenant', tenantId: '' })).toMatchObject({
      MicrosoftAppId: '',
      MicrosoftAppType: 'MultiTenant',
    });
    // botbuilder accepts what it is given for a managed identity (it asserts on a password or a missing tenant)
    expect(
      () =>
        new ConfigurationServiceClientCredentialFactory(
          botCredentialSettings({ appId: USER_ASSIGNED, password: '', type: 'UserAssignedMSI', tenantId: 't' }),
        ),
    ).not.toThrow();
  });
});

describe('the example environment file', () => {
  it('starts the bot when .env.example is copied as it is (an empty NAME= means unset)', () => {
    const text = readFileSync(path.join(__dirname, '..', '..', '.env.example'), 'utf8');
    const env: Record<string, string> = {};
    for (const line of text.split('\n')) {
      const m = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
      if (m) env[m[1]] = m[2];
    }
    expect(() => loadConfig(env)).not.toThrow();
  });
});
