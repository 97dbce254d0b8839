// Cosmos DB for NoSQL: account, database and containers, all partitioned by /schoolId.

param location string
param tags object
param accountName string
param databaseName string

@description('true: serverless account (pay per RU). false: provisioned, with shared autoscale throughput on the database.')
param serverless bool

param autoscaleMaxThroughput int

@description('Allow key (COSMOS_KEY) authentication. false = Entra ID (managed identity) only.')
param keyAuth bool

@description('Containers as { name: string, defaultTtl?: int }; defaultTtl -1 = TTL on without a default expiry.')
param containers array

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: serverless ? [
      {
        name: 'EnableServerless'
      }
    ] : []
    disableLocalAuth: !keyAuth
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
    enableAutomaticFailover: false
    enableMultipleWriteLocations: false
    enableFreeTier: false
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
    // Serverless accounts take no throughput setting; provisioned ones share autoscale RU/s over all containers.
    options: serverless ? {} : {
      autoscaleSettings: {
        maxThroughput: autoscaleMaxThroughput
      }
    }
  }
}

resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = [for c in containers: {
  parent: database
  name: c.name
  properties: {
    resource: union(
      {
        id: c.name
        partitionKey: {
          paths: [
            '/schoolId'
          ]
          kind: 'Hash'
          version: 2
        }
      },
      contains(c, 'defaultTtl') ? { defaultTtl: c.defaultTtl } : {}
    )
    options: {}
  }
}]

output accountName string = account.name
output endpoint string = account.properties.documentEndpoint
