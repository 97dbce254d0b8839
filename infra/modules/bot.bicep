// Azure Bot registration (single-tenant Entra app) with the Microsoft Teams channel.

param tags object
param botName string
@maxLength(42)
param displayName string
@description('https://<web app>/api/messages')
param endpoint string
param botAppId string
param botTenantId string

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
    msaAppType: 'SingleTenant'
    msaAppTenantId: botTenantId
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
