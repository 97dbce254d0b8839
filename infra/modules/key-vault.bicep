// Key Vault (RBAC authorisation) holding the bot's client secret (botAuth 'clientSecret' only) and,
// while key auth is on, the Cosmos DB account key. The Web App reads them through Key Vault references.

param location string
param tags object

@minLength(3)
@maxLength(24)
param vaultName string

@secure()
param botAppSecret string

@description('false with a managed identity as the bot\'s Bot Framework identity: there is no client secret to store.')
param storeBotSecret bool

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

var botSecretName = 'bot-app-password'

resource botSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = if (storeBotSecret) {
  parent: vault
  name: botSecretName
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
output botSecretUri string = storeBotSecret ? '${vault.properties.vaultUri}secrets/${botSecretName}' : ''
output cosmosKeySecretUri string = storeCosmosKey ? '${vault.properties.vaultUri}secrets/${cosmosKeySecretName}' : ''
