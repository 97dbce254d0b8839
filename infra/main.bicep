// Waakvlam: everything one deployment of the bot needs in one resource group.
//
//   Log Analytics + Application Insights   logs and telemetry (no pupil data is logged)
//   Cosmos DB for NoSQL                    state; serverless by default, every container partitioned by /schoolId
//   Key Vault (RBAC)                       the bot's client secret and the Cosmos key, while those are used
//   User-assigned managed identity         the bot's Bot Framework identity when botAuth = 'userAssignedIdentity'
//   App Service plan (Linux) + Web App     Node 22 LTS, system-assigned managed identity
//   Role assignments                       Web App -> Cosmos DB Built-in Data Contributor (database), Key Vault Secrets User
//   Azure Bot + Teams channel              messaging endpoint https://<web app>/api/messages
//   Alert rules (modules/alerts.bicep)     dead outbox messages, 5xx answers, client secret expiry
//
// Deploy:  az deployment group create -g <rg> -f infra/main.bicep -p infra/main.bicepparam
// or with the Microsoft 365 Agents Toolkit (m365agents.yml uses infra/main.parameters.json).
// See docs/deploy.md.

targetScope = 'resourceGroup'

@description('Short lowercase name the resource names are derived from, e.g. waakvlam-prod.')
@minLength(3)
@maxLength(20)
param baseName string = 'waakvlam'

@description('Azure region for everything except the Azure Bot (which is global).')
param location string = resourceGroup().location

@description('Tags put on every resource.')
param tags object = {
  app: 'waakvlam'
}

// ---------------- Bot identity ----------------

@description('How the bot proves who it is to Bot Framework. userAssignedIdentity (recommended): a user-assigned managed identity this template creates, no secret anywhere (MICROSOFT_APP_TYPE=UserAssignedMSI). clientSecret: the single-tenant app registration botAppId with the client secret botAppSecret.')
@allowed([
  'clientSecret'
  'userAssignedIdentity'
])
param botAuth string = 'clientSecret'

@description('clientSecret only: application (client) id of the single-tenant Entra app registration of the bot (MICROSOFT_APP_ID).')
param botAppId string = ''

@description('clientSecret only: client secret of that app registration. Stored in Key Vault; the Web App reads it through a Key Vault reference.')
@secure()
param botAppSecret string = ''

@description('clientSecret only: the day the client secret expires (yyyy-mm-dd, from Entra ID: App registrations > Certificates & secrets). An alert fires 30 days before. Empty: no alert.')
param botSecretExpiresOn string = ''

@description('Entra tenant the app registration lives in. Empty: the tenant of this deployment.')
param botTenantId string = ''

@description('Comma-separated Entra tenant ids the bot serves (ALLOWED_TENANTS). Empty: only botTenantId.')
param allowedTenants string = ''

@description('Name shown for the Azure Bot resource.')
@maxLength(42)
param botDisplayName string = 'Waakvlam'

// ---------------- Hosting ----------------

@description('App Service plan SKU. B1 is enough for a few schools; P0v3/P1v3 for a region.')
@allowed([
  'B1'
  'P0v3'
  'P1v3'
])
param appServiceSku string = 'B1'

@description('Number of Web App instances. The bot is stateless; scheduled work takes a lease in Cosmos DB.')
@minValue(1)
@maxValue(10)
param instanceCount int = 1

@description('Linux runtime stack of the Web App.')
param linuxFxVersion string = 'NODE|22-lts'

@description('NODE_OPTIONS of the bot: the same heap limit as the container (Dockerfile ENV NODE_OPTIONS; test/package/deploy-files.test.ts keeps them equal). See docs/performance.md.')
param nodeOptions string = '--max-old-space-size=256'

@description('Turn on Application Insights auto-instrumentation (requests, dependencies, exceptions) without code changes.')
param enableAutoInstrumentation bool = true

// ---------------- Cosmos DB ----------------

@description('serverless (pay per request unit, default) or provisioned (shared autoscale throughput on the database).')
@allowed([
  'serverless'
  'provisioned'
])
param cosmosCapacityMode string = 'serverless'

@description('Maximum autoscale RU/s shared by all containers when cosmosCapacityMode is provisioned (minimum 1000).')
@minValue(1000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('Database name (COSMOS_DATABASE).')
param cosmosDatabaseName string = 'waakvlam'

@description('true: the bot authenticates to Cosmos DB with the account key (COSMOS_KEY, from Key Vault). false (recommended): Entra ID only, with the Web App\'s system-assigned identity (COSMOS_AUTH=managedIdentity); key auth is switched off on the account, and the bot checks at start-up that this template created the database and containers.')
param cosmosKeyAuth bool = true

@description('Default TTL of the audit container: -1 keeps entries until the bot sets a ttl per entry from the school\'s retention policy; a positive number expires every entry after that many seconds.')
param auditDefaultTtlSeconds int = -1

@description('Object ids (Entra ID) of the people or groups who run npm run school:setup / roster:import against the database with their own sign-in (az login). They get the same data role as the bot, on the same database.')
param cosmosOperatorPrincipalIds array = []

@description('Extra containers, e.g. [{ name: \'reports\', defaultTtl: -1 }]. Partitioned by /schoolId like the others.')
param extraContainers array = []

// ---------------- Monitoring ----------------

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

@description('Daily ingestion cap of the Log Analytics workspace in GB (-1: no cap).')
param logDailyCapGb int = 1

@description('Resource id of an existing action group the alert rules notify. Empty: alertEmail, else the rules fire without notifying anyone (visible in Azure Monitor only).')
param alertActionGroupId string = ''

@description('E-mail address for a new action group, when alertActionGroupId is empty. Empty: none.')
param alertEmail string = ''

// ---------------- Names ----------------

var suffix = uniqueString(subscription().id, resourceGroup().id, baseName)
var name = toLower(baseName)
var effectiveBotTenantId = empty(botTenantId) ? tenant().tenantId : botTenantId
var effectiveAllowedTenants = empty(allowedTenants) ? effectiveBotTenantId : allowedTenants
var botUsesIdentity = botAuth == 'userAssignedIdentity'

// TTL: -1 = TTL on, items live until they carry their own ttl (set by the bot on closure / per retention policy).
var containers = concat(
  [
    { name: 'directory' }
    { name: 'cases', defaultTtl: -1 }
    { name: 'audit', defaultTtl: auditDefaultTtlSeconds }
    { name: 'leases' }
  ],
  extraContainers
)

module monitoring 'modules/monitoring.bicep' = {
  name: 'waakvlam-monitoring'
  params: {
    location: location
    tags: tags
    workspaceName: '${name}-logs-${suffix}'
    appInsightsName: '${name}-ai-${suffix}'
    retentionInDays: logRetentionDays
    dailyCapGb: logDailyCapGb
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'waakvlam-cosmos'
  params: {
    location: location
    tags: tags
    accountName: take('${name}-cosmos-${suffix}', 44)
    databaseName: cosmosDatabaseName
    serverless: cosmosCapacityMode == 'serverless'
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    keyAuth: cosmosKeyAuth
    containers: containers
  }
}

module botIdentity 'modules/bot-identity.bicep' = if (botUsesIdentity) {
  name: 'waakvlam-bot-identity'
  params: {
    location: location
    tags: tags
    identityName: '${name}-bot-id-${suffix}'
  }
}

var effectiveBotAppId = botUsesIdentity ? botIdentity!.outputs.clientId : botAppId

module vault 'modules/key-vault.bicep' = {
  name: 'waakvlam-key-vault'
  params: {
    location: location
    tags: tags
    vaultName: 'kv${take(suffix, 13)}${take(replace(name, '-', ''), 9)}'
    botAppSecret: botAppSecret
    storeBotSecret: !botUsesIdentity
    cosmosAccountName: cosmos.outputs.accountName
    storeCosmosKey: cosmosKeyAuth
  }
}

module web 'modules/web-app.bicep' = {
  name: 'waakvlam-web-app'
  params: {
    location: location
    tags: tags
    planName: '${name}-plan-${suffix}'
    siteName: '${name}-${suffix}'
    sku: appServiceSku
    instanceCount: instanceCount
    linuxFxVersion: linuxFxVersion
    workspaceId: monitoring.outputs.workspaceId
    userAssignedIdentityId: botUsesIdentity ? botIdentity!.outputs.resourceId : ''
    appSettings: union(
      {
        NODE_ENV: 'production'
        NODE_OPTIONS: nodeOptions
        MICROSOFT_APP_ID: effectiveBotAppId
        MICROSOFT_APP_TYPE: botUsesIdentity ? 'UserAssignedMSI' : 'SingleTenant'
        MICROSOFT_APP_TENANT_ID: effectiveBotTenantId
        ALLOWED_TENANTS: effectiveAllowedTenants
        COSMOS_ENDPOINT: cosmos.outputs.endpoint
        COSMOS_DATABASE: cosmosDatabaseName
        // managedIdentity: the Web App's system-assigned identity; the bot checks, never creates, the containers
        COSMOS_AUTH: cosmosKeyAuth ? 'key' : 'managedIdentity'
        DEMO_DATA: 'off'
        APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.appInsightsConnectionString
        WEBSITE_RUN_FROM_PACKAGE: '1'
        SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
      },
      botUsesIdentity ? {} : { MICROSOFT_APP_PASSWORD: '@Microsoft.KeyVault(SecretUri=${vault.outputs.botSecretUri})' },
      cosmosKeyAuth ? { COSMOS_KEY: '@Microsoft.KeyVault(SecretUri=${vault.outputs.cosmosKeySecretUri})' } : {},
      enableAutoInstrumentation ? { ApplicationInsightsAgent_EXTENSION_VERSION: '~3' } : {}
    )
  }
}

module access 'modules/access.bicep' = {
  name: 'waakvlam-access'
  params: {
    principalId: web.outputs.principalId
    cosmosAccountName: cosmos.outputs.accountName
    cosmosDatabaseName: cosmosDatabaseName
    vaultName: vault.outputs.vaultName
    grantSecretsUser: !botUsesIdentity || cosmosKeyAuth
    operatorPrincipalIds: cosmosOperatorPrincipalIds
  }
}

module bot 'modules/bot.bicep' = {
  name: 'waakvlam-bot'
  params: {
    tags: tags
    botName: '${name}-bot-${suffix}'
    displayName: botDisplayName
    endpoint: 'https://${web.outputs.defaultHostName}/api/messages'
    botAppId: effectiveBotAppId
    botTenantId: effectiveBotTenantId
    msaAppType: botUsesIdentity ? 'UserAssignedMSI' : 'SingleTenant'
    msiResourceId: botUsesIdentity ? botIdentity!.outputs.resourceId : ''
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'waakvlam-alerts'
  params: {
    location: location
    tags: tags
    namePrefix: '${name}-${suffix}'
    workspaceId: monitoring.outputs.workspaceId
    actionGroupId: alertActionGroupId
    alertEmail: alertEmail
    botSecretExpiresOn: botUsesIdentity ? '' : botSecretExpiresOn
  }
}

// Outputs. With the Agents Toolkit they land in env/.env.<env> under the same names.
output AZURE_APP_SERVICE_RESOURCE_ID string = web.outputs.siteId
output BOT_DOMAIN string = web.outputs.defaultHostName
output BOT_ENDPOINT string = 'https://${web.outputs.defaultHostName}'
output BOT_RESOURCE_NAME string = bot.outputs.botName
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
output COSMOS_ACCOUNT_NAME string = cosmos.outputs.accountName
output KEY_VAULT_NAME string = vault.outputs.vaultName
output WEB_APP_NAME string = web.outputs.siteName
// The bot id for the Teams app package (BOT_ID): the app registration's, or the managed identity's client id.
output BOT_APP_ID string = effectiveBotAppId
