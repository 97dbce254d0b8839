// Example parameters for one Waakvlam deployment with the Azure CLI:
//   az deployment group create -g rg-waakvlam-prod -f infra/main.bicep -p infra/main.bicepparam
// As written: no secret anywhere (the bot's own managed identity, Cosmos DB without keys).
// With a client secret instead (botAuth = 'clientSecret'), first
//   export BOT_APP_SECRET='<client secret of the app registration>'
// The secret is read from the environment, never written in this file.
using './main.bicep'

param baseName = 'waakvlam-prod'
param location = 'westeurope'

// The bot's Bot Framework identity (docs/deploy.md, "How the bot signs in"):
// 'userAssignedIdentity' (recommended, nothing to rotate) or 'clientSecret' (app registration + secret).
param botAuth = 'userAssignedIdentity'
// clientSecret only: the app registration, its secret (from the environment) and the secret's end date.
param botAppId = ''
param botAppSecret = readEnvironmentVariable('BOT_APP_SECRET', '')
param botSecretExpiresOn = ''
// Empty = the tenant you deploy in.
param botTenantId = ''
// Comma-separated tenant ids of the schools' Microsoft 365 tenants; empty = only botTenantId.
param allowedTenants = ''

param appServiceSku = 'B1'
param instanceCount = 1

param cosmosCapacityMode = 'serverless'
param cosmosDatabaseName = 'waakvlam'
// false: the Web App's managed identity signs in to Cosmos DB, key auth is off on the account.
param cosmosKeyAuth = false
param auditDefaultTtlSeconds = -1
// Object ids of whoever runs school:setup / roster:import with az login (az ad signed-in-user show --query id).
param cosmosOperatorPrincipalIds = []

param logRetentionDays = 30
param logDailyCapGb = 1

// Who hears of the alert rules (infra/modules/alerts.bicep): an existing action group, or an e-mail address.
param alertActionGroupId = ''
param alertEmail = ''

param tags = {
  app: 'waakvlam'
  environment: 'prod'
}
