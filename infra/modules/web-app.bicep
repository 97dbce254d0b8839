// Linux App Service plan + Web App (Node 22 LTS) with a system-assigned managed identity.

param location string
param tags object
param planName string
param siteName string

@allowed([
  'B1'
  'P0v3'
  'P1v3'
])
param sku string
param instanceCount int
param linuxFxVersion string

@description('Log Analytics workspace that receives the Web App\'s platform and console logs.')
param workspaceId string

@description('App settings (environment variables of the bot), name -> value.')
param appSettings object

@description('Resource id of a user-assigned managed identity to attach (the bot\'s Bot Framework identity with UserAssignedMSI); empty: none.')
param userAssignedIdentityId string = ''

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: sku
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: siteName
  location: location
  tags: tags
  kind: 'app,linux'
  // The system-assigned identity signs in to Cosmos DB and Key Vault; a user-assigned one, when
  // given, is the bot's Bot Framework identity (botbuilder asks for it by client id).
  identity: empty(userAssignedIdentityId) ? {
    type: 'SystemAssigned'
  } : {
    type: 'SystemAssigned, UserAssigned'
    userAssignedIdentities: {
      '${userAssignedIdentityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false // stateless: any instance can take any request
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: linuxFxVersion
      appCommandLine: 'node dist/src/index.js'
      alwaysOn: true // the scheduler (rounds, reminders, digests, outbox) must keep running
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      webSocketsEnabled: false
      appSettings: [for s in items(appSettings): {
        name: s.key
        value: s.value
      }]
    }
  }
}

// FTP is never used; zip deploy goes through the SCM (Kudu) endpoint.
resource ftpPolicy 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2023-12-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceAppLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output siteId string = site.id
output siteName string = site.name
output defaultHostName string = site.properties.defaultHostName
output principalId string = site.identity.principalId
