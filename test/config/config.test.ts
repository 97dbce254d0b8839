import { ConfigError, loadConfig } from '../../src/config';

const production = {
  NODE_ENV: 'production',
  MICROSOFT_APP_ID: '6f1b2c3d-0000-4000-8000-00000000b07a',
  MICROSOFT_APP_PASSWORD: 'secret',
  MICROSOFT_APP_TENANT_ID: 'f4801c24-a43b-528f-9f61-f21a7d3447a8',
  COSMOS_ENDPOINT: 'https://waakvlam.documents.azure.com:443/',
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
