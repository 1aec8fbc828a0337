// The function app: a custom handler (the `handler` executable named in host.json) on Flex Consumption,
// or on Elastic Premium where a region or subscription refuses Flex. Storage, Key Vault and the deployment
// package are all reached with the one user-assigned identity.
param name string
param location string
param tags object

@description('flex = Flex Consumption FC1 (runtime in functionAppConfig); premium = Elastic Premium EP1 (FUNCTIONS_WORKER_RUNTIME=custom)')
@allowed(['flex', 'premium'])
param hostingPlan string

param identityId string
param identityClientId string
param storageAccountName string
param blobEndpoint string
param deploymentContainerName string
param appInsightsConnectionString string

@description('Send host telemetry with Entra ID (the identity) instead of the instrumentation key')
param appInsightsEntraAuth bool

@description('Flex runtime for custom handlers; check `az functionapp list-flexconsumption-runtimes --location <region>`')
param runtimeName string
param runtimeVersion string

@allowed([512, 2048, 4096])
param instanceMemoryMB int

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('The desk\'s own settings (Desk__*, Alpaca__*, Risk__*, Discord__*, ...), Key Vault references included')
param deskSettings object

var isFlex = hostingPlan == 'flex'

// What the Functions host and the handler need to reach storage and telemetry, all by identity: no account key.
var platformSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
}

var entraTelemetrySettings = {
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
}

// Flex manages the runtime and the package itself and refuses these; every other plan needs them. The
// package is read from the same container by identity, so no content file share (which needs a key) exists.
var premiumSettings = {
  FUNCTIONS_WORKER_RUNTIME: 'custom'
  FUNCTIONS_EXTENSION_VERSION: '~4'
  WEBSITE_RUN_FROM_PACKAGE: '${blobEndpoint}${deploymentContainerName}/app.zip'
  WEBSITE_RUN_FROM_PACKAGE_BLOB_MI_RESOURCE_ID: identityId
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${name}'
  location: location
  tags: tags
  kind: isFlex ? 'functionapp' : 'elastic'
  sku: isFlex ? { tier: 'FlexConsumption', name: 'FC1' } : { tier: 'ElasticPremium', name: 'EP1' }
  properties: {
    reserved: true
    maximumElasticWorkerCount: isFlex ? null : 1
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    functionAppConfig: isFlex
      ? {
          deployment: {
            storage: {
              type: 'blobContainer'
              value: '${blobEndpoint}${deploymentContainerName}'
              authentication: {
                type: 'UserAssignedIdentity'
                userAssignedIdentityResourceId: identityId
              }
            }
          }
          scaleAndConcurrency: {
            instanceMemoryMB: instanceMemoryMB
            maximumInstanceCount: maximumInstanceCount
          }
          runtime: { name: runtimeName, version: runtimeVersion }
        }
      : null
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
  }
}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(
    platformSettings,
    appInsightsEntraAuth ? entraTelemetrySettings : {},
    isFlex ? {} : premiumSettings,
    deskSettings
  )
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
