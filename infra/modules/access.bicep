// What the Web App's managed identity may do, and nothing more: read and write the items of the
// Waakvlam database (data plane, Cosmos DB Built-in Data Contributor, scoped to that database; it
// can read the database's and containers' settings but not create, change or delete them), and
// read secrets from the Key Vault (Key Vault Secrets User) only while the vault holds one the bot reads.

@description('Object id of the Web App\'s system-assigned identity.')
param principalId string
param cosmosAccountName string
@description('The database the role is scoped to (COSMOS_DATABASE).')
param cosmosDatabaseName string
param vaultName string
@description('false when the vault holds nothing the bot reads (no client secret, no Cosmos DB key).')
param grantSecretsUser bool
@description('Object ids of people or groups who run school:setup and roster:import against this database with their own Entra ID sign-in (needed once key auth is off).')
param operatorPrincipalIds array = []

// Built-in Cosmos DB SQL role "Cosmos DB Built-in Data Contributor".
var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'
// Built-in Azure role "Key Vault Secrets User".
var keyVaultSecretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource cosmosAccount 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' existing = {
  name: cosmosAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: vaultName
}

resource cosmosDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: cosmosAccount
  name: guid(cosmosAccount.id, principalId, cosmosDataContributorRoleId, cosmosDatabaseName)
  properties: {
    roleDefinitionId: '${cosmosAccount.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    principalId: principalId
    scope: '${cosmosAccount.id}/dbs/${cosmosDatabaseName}'
  }
}

// The same role on the same database for the operators' command line tools, nothing wider.
resource operatorDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = [for operator in operatorPrincipalIds: {
  parent: cosmosAccount
  name: guid(cosmosAccount.id, operator, cosmosDataContributorRoleId, cosmosDatabaseName)
  properties: {
    roleDefinitionId: '${cosmosAccount.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    principalId: operator
    scope: '${cosmosAccount.id}/dbs/${cosmosDatabaseName}'
  }
}]

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (grantSecretsUser) {
  name: guid(vault.id, principalId, keyVaultSecretsUserRoleId)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)
    principalId: principalId
    principalType: 'ServicePrincipal'
  }
}
