import { ManagedIdentityCredential } from '@azure/identity';
import type { CosmosAuth } from './config';
import type { TokenCredential } from './store/cosmos';

/**
 * The Entra ID credential for Cosmos DB, or undefined for key auth. Explicitly a managed identity
 * (user-assigned by client id, else the system-assigned one), never DefaultAzureCredential: in
 * Azure the bot must not fall back to whatever else the environment offers.
 */
export function cosmosCredential(auth: CosmosAuth): TokenCredential | undefined {
  if (auth.kind === 'key') return undefined;
  return auth.clientId ? new ManagedIdentityCredential({ clientId: auth.clientId }) : new ManagedIdentityCredential();
}
