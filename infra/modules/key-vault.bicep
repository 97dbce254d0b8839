// Key Vault (RBAC authorisation) holding the bot's client secret and, while key auth is on,
// the Cosmos DB account key. The Web App reads both through Key Vault references.

param location string
param tags object

@minLength(3)
@maxLength(24)
param vaultName string

@secure()
param botAppSecret string

@description('Cosmos DB account whose primary key is stored when storeCosmosKey is true.')
param cosmosAccountName string
param storeCosmosKey bool

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource botSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'bot-app-password'
  properties: {
    value: botAppSecret
    contentType: 'Entra app registration client secret (MICROSOFT_APP_PASSWORD)'
  }
}

resource cosmosAccount 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' existing = {
  name: cosmosAccountName
}

var cosmosKeySecretName = 'cosmos-key'

resource cosmosKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (storeCosmosKey) {
  parent: vault
  name: cosmosKeySecretName
  properties: {
    value: cosmosAccount.listKeys().primaryMasterKey
    contentType: 'Cosmos DB primary key (COSMOS_KEY)'
  }
}

output vaultName string = vault.name
// Versionless URIs: the Web App picks up a rotated secret without a redeploy.
output botSecretUri string = botSecret.properties.secretUri
output cosmosKeySecretUri string = storeCosmosKey ? '${vault.properties.vaultUri}secrets/${cosmosKeySecretName}' : ''
