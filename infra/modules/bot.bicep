// Azure Bot registration with the Microsoft Teams channel. Its identity is either a single-tenant
// Entra app registration with a client secret (SingleTenant) or a user-assigned managed identity
// of the Web App (UserAssignedMSI, no secret).

param tags object
param botName string
@maxLength(42)
param displayName string
@description('https://<web app>/api/messages')
param endpoint string
@description('Client id of the app registration (SingleTenant) or of the user-assigned managed identity (UserAssignedMSI).')
param botAppId string
param botTenantId string

@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param msaAppType string

@description('Resource id of the user-assigned managed identity (UserAssignedMSI only).')
param msiResourceId string = ''

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: 'F0' // Teams is a standard channel: messages are free on F0
  }
  properties: {
    displayName: displayName
    endpoint: endpoint
    msaAppId: botAppId
    msaAppType: msaAppType
    msaAppTenantId: botTenantId
    msaAppMSIResourceId: msaAppType == 'UserAssignedMSI' ? msiResourceId : null
    isStreamingSupported: false
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
    }
  }
}

output botName string = bot.name
