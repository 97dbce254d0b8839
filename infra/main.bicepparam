// Example parameters for one Waakvlam deployment with the Azure CLI:
//   export BOT_APP_SECRET='<client secret of the app registration>'
//   az deployment group create -g rg-waakvlam-prod -f infra/main.bicep -p infra/main.bicepparam
// The secret is read from the environment, never written in this file.
using './main.bicep'

param baseName = 'waakvlam-prod'
param location = 'westeurope'

// Single-tenant Entra app registration of the bot (see docs/deploy.md, "App registration").
param botAppId = '00000000-0000-0000-0000-000000000000'
param botAppSecret = readEnvironmentVariable('BOT_APP_SECRET')
// Empty = the tenant you deploy in.
param botTenantId = ''
// Comma-separated tenant ids of the schools' Microsoft 365 tenants; empty = only botTenantId.
param allowedTenants = ''

param appServiceSku = 'B1'
param instanceCount = 1

param cosmosCapacityMode = 'serverless'
param cosmosDatabaseName = 'waakvlam'
// true until the bot authenticates to Cosmos DB with its managed identity; then false (keyless).
param cosmosKeyAuth = true
param auditDefaultTtlSeconds = -1

param logRetentionDays = 30
param logDailyCapGb = 1

param tags = {
  app: 'waakvlam'
  environment: 'prod'
}
