// The bot's Bot Framework identity without a secret: a user-assigned managed identity, attached
// to the Web App, used by the Azure Bot as its app id (msaAppType 'UserAssignedMSI'). botbuilder
// gets its tokens from it (MICROSOFT_APP_TYPE=UserAssignedMSI, MICROSOFT_APP_ID = its client id).
// Nothing to rotate and nothing that expires.

param location string
param tags object
param identityName string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

output resourceId string = identity.id
output clientId string = identity.properties.clientId
output tenantId string = identity.properties.tenantId
