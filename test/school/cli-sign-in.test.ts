import { DefaultAzureCredential } from '@azure/identity';
import { signInOf } from '../../scripts/cli-store-target';

/**
 * The command line tools (school:setup, roster:import) against a deployment whose Cosmos DB
 * account has key auth switched off (issue 17): the operator signs in with Entra ID instead.
 */
describe('how the command line tools sign in to Cosmos DB', () => {
  const azure = 'https://waakvlam-cosmos.documents.azure.com:443/';

  it('uses the key when one is given', () => {
    expect(signInOf({ endpoint: azure, key: 'account-key', database: 'waakvlam' })).toEqual({ key: 'account-key' });
  });

  it("uses the operator's own Entra ID sign-in against Azure without a key", () => {
    const signIn = signInOf({ endpoint: azure, database: 'waakvlam' });
    expect(signIn.key).toBeUndefined();
    expect(signIn.credential).toBeInstanceOf(DefaultAzureCredential);
  });

  it('never asks Entra ID for a local store (the embedded store and the emulator take a key)', () => {
    expect(signInOf({ endpoint: 'https://127.0.0.1:8081', database: 'waakvlam' })).toEqual({ key: undefined });
  });
});
