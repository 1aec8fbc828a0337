// MiniQuantDesk in Azure: one resource group holding the function app (custom handler), its storage,
// Key Vault, identity and monitoring. Deploy with infra/deploy.sh (docs/operations.md); check offline
// with infra/bicep-check.sh. Modules live in infra/.
targetScope = 'resourceGroup'

@description('Short lowercase name prefix (letters and digits), e.g. mqd')
@minLength(2)
@maxLength(8)
param namePrefix string = 'mqd'

@description('Azure region; defaults to the resource group\'s')
param location string = resourceGroup().location

@description('paper (default) trades the Alpaca paper account; live trades real money')
@allowed(['paper', 'live'])
param tradingMode string = 'paper'

@description('flex = Flex Consumption; premium = Elastic Premium EP1 where a region or subscription refuses Flex')
@allowed(['flex', 'premium'])
param hostingPlan string = 'flex'

@description('Flex runtime name for custom handlers (verify: az functionapp list-flexconsumption-runtimes --location <region>)')
param runtimeName string = 'custom'

@description('Flex runtime version for custom handlers (unconfirmed; "1.0" is the usual value)')
param runtimeVersion string = '1.0'

@allowed([512, 2048, 4096])
param instanceMemoryMB int = 512

@description('Flex scale-out cap; the desk needs one instance, Flex\'s minimum cap is 40')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Symbols the desk trades (Desk__Symbols)')
param symbols string[] = ['SPY', 'QQQ', 'AAPL']

@description('Discord user ids allowed to run commands (Discord__AllowedUserIds); empty = nobody')
param allowedDiscordUserIds string[] = []

@description('Discord application id (public; used to register slash commands and answer follow-ups)')
param discordApplicationId string = ''

@description('Largest position in one symbol, USD (Risk__MaxPositionSizeUsd)')
@minValue(1)
param maxPositionSizeUsd int = 10000

@description('Largest gross exposure, USD (Risk__MaxPortfolioExposureUsd)')
@minValue(1)
param maxPortfolioExposureUsd int = 50000

@description('Day\'s loss at which entries stop, USD (Risk__MaxDailyLossUsd)')
@minValue(1)
param maxDailyLossUsd int = 1000

@description('Alpaca market data feed: iex (free) or sip (paid subscription)')
@allowed(['iex', 'sip'])
param alpacaFeed string = 'iex'

@description('Seconds after which the last bar tick counts as stale in /api/health (Desk__TickStaleAfterSeconds)')
@minValue(30)
@maxValue(3600)
param tickStaleAfterSeconds int = 180

@description('Seconds an order may stay open before TrackOrder asks to cancel it (Desk__OrderTimeoutSeconds)')
@minValue(5)
@maxValue(86400)
param orderTimeoutSeconds int = 300

@description('Strategies the desk runs, comma-separated names (Desk__Strategies)')
param strategies string = 'sma-crossover,rsi-mean-reversion,bollinger-reversion,vwap-reversion'

@description('Shadow-mode ML models, comma-separated registry names; rule is built in, none turns shadow mode off (Ml__Models)')
param shadowModels string = 'rule'

@description('Seconds each health check may take (Health__CheckTimeoutSeconds)')
@minValue(1)
@maxValue(30)
param healthCheckTimeoutSeconds int = 2

@description('Paper sessions with the exact configuration before the desk may start live (LiveGate__MinSessions)')
@minValue(1)
param liveGateMinSessions int = 30

@description('Start live although the paper record fails the live gate: logged and notified at every start (LiveGate__Override)')
param liveGateOverride bool = false

@description('OTLP endpoint for traces besides Application Insights; empty = none')
param otlpEndpoint string = ''

@description('Queues the functions use, each with its -poison twin (the host moves failed messages there)')
param queueNames string[] = [
  'bar-ticks'
  'bar-ticks-poison'
  'order-intents'
  'order-intents-poison'
  'order-tracking'
  'order-tracking-poison'
  'notifications'
  'notifications-poison'
  'discord-replies'
  'discord-replies-poison'
]

@description('Tables the desk keeps its state in')
param tableNames string[] = ['deskstate', 'orders', 'positions', 'txlog', 'bars', 'predictions', 'adjustments']

@description('Blob containers besides the deployment package container')
param containerNames string[] = ['azure-webjobs-hosts', 'txlog', 'reports', 'models']

@description('Object id of whoever runs infra/deploy.sh (writes Key Vault secrets, uploads packages); empty = none')
param deployerPrincipalId string = ''

@allowed(['User', 'ServicePrincipal', 'Group'])
param deployerPrincipalType string = 'User'

@description('Email for alerts; empty = alerts visible in the portal only')
param alertEmail string = ''

@description('Host telemetry through Entra ID instead of the instrumentation key (the handler\'s own exporter still uses the connection string)')
param appInsightsEntraAuth bool = false

@description('Key Vault purge protection (irreversible; recommended for live)')
param enableKeyVaultPurgeProtection bool = false

@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

var token = toLower(uniqueString(resourceGroup().id, namePrefix))
var tags = { app: 'MiniQuantDesk', tradingMode: tradingMode }
var deploymentContainerName = 'app-package'
var identityName = 'id-${namePrefix}-${token}'
var storageAccountName = take('st${namePrefix}${token}', 24)
var keyVaultName = take('kv-${namePrefix}-${token}', 24)
var vaultUri = 'https://${keyVaultName}${environment().suffixes.keyvaultDns}/'
var isLive = tradingMode == 'live'

// Every secret is a Key Vault reference resolved by the platform with the app identity; the handler only
// sees the resolved environment variable. infra/deploy.sh sets these secret names.
var deskSettings = {
  Desk__Symbols: join(symbols, ',')
  Desk__TickStaleAfterSeconds: string(tickStaleAfterSeconds)
  Desk__OrderTimeoutSeconds: string(orderTimeoutSeconds)
  Desk__SubmitGraceSeconds: '45'
  Desk__StorageOutageHoldSeconds: '60'
  Desk__StreamTradeUpdates: 'false'
  Desk__Strategies: strategies
  Ml__Models: shadowModels
  Alpaca__Mode: isLive ? 'Live' : 'Paper'
  Alpaca__TradingBaseUrl: isLive ? 'https://api.alpaca.markets' : 'https://paper-api.alpaca.markets'
  Alpaca__DataBaseUrl: 'https://data.alpaca.markets'
  Alpaca__Feed: alpacaFeed
  Alpaca__KeyId: '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/alpaca-key-id/)'
  Alpaca__SecretKey: '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/alpaca-secret-key/)'
  Risk__MaxPositionSizeUsd: string(maxPositionSizeUsd)
  Risk__MaxPortfolioExposureUsd: string(maxPortfolioExposureUsd)
  Risk__MaxDailyLossUsd: string(maxDailyLossUsd)
  Health__CheckTimeoutSeconds: string(healthCheckTimeoutSeconds)
  LiveGate__MinSessions: string(liveGateMinSessions)
  LiveGate__MaxParityMismatchPct: '10'
  LiveGate__MaxMeanSlippageBps: '10'
  LiveGate__PaperEquityUsd: '100000'
  LiveGate__LookbackDays: '365'
  LiveGate__MatchWindowSeconds: '180'
  LiveGate__Override: string(liveGateOverride)
  Telemetry__ConsoleTraces: 'false'
  OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint
  Discord__ApplicationId: discordApplicationId
  Discord__AllowedUserIds: join(allowedDiscordUserIds, ',')
  Discord__PublicKey: '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/discord-public-key/)'
  Discord__BotToken: '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/discord-bot-token/)'
  Discord__Webhooks__Trading: '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/discord-webhook-trading/)'
  Discord__Webhooks__Risk: '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/discord-webhook-risk/)'
  Discord__Webhooks__Daily: '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/discord-webhook-daily/)'
  Discord__Webhooks__System: '@Microsoft.KeyVault(SecretUri=${vaultUri}secrets/discord-webhook-system/)'
}

module identity 'infra/identity.bicep' = {
  name: 'identity'
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module storage 'infra/storage.bicep' = {
  dependsOn: [identity]
  name: 'storage'
  params: {
    name: storageAccountName
    location: location
    tags: tags
    queueNames: queueNames
    tableNames: tableNames
    containerNames: concat([deploymentContainerName], containerNames)
    appIdentityName: identityName
    deployerPrincipalId: deployerPrincipalId
    deployerPrincipalType: deployerPrincipalType
  }
}

module vault 'infra/keyvault.bicep' = {
  dependsOn: [identity]
  name: 'keyvault'
  params: {
    name: keyVaultName
    location: location
    tags: tags
    appIdentityName: identityName
    deployerPrincipalId: deployerPrincipalId
    deployerPrincipalType: deployerPrincipalType
    enablePurgeProtection: enableKeyVaultPurgeProtection
  }
}

module monitoring 'infra/monitoring.bicep' = {
  dependsOn: [identity]
  name: 'monitoring'
  params: {
    namePrefix: '${namePrefix}-${token}'
    location: location
    tags: tags
    appIdentityName: identityName
    disableLocalAuth: appInsightsEntraAuth
    alertEmail: alertEmail
    retentionInDays: logRetentionDays
  }
}

module functionApp 'infra/functionapp.bicep' = {
  name: 'functionapp'
  params: {
    name: 'func-${namePrefix}-${token}'
    location: location
    tags: tags
    hostingPlan: hostingPlan
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    appInsightsConnectionString: monitoring.outputs.connectionString
    appInsightsEntraAuth: appInsightsEntraAuth
    runtimeName: runtimeName
    runtimeVersion: runtimeVersion
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    deskSettings: deskSettings
  }
  // Key Vault references resolve at start: the vault and its role assignment must exist first.
  dependsOn: [vault]
}

output functionAppName string = functionApp.outputs.name
output functionAppUrl string = 'https://${functionApp.outputs.defaultHostName}'
output interactionsEndpointUrl string = 'https://${functionApp.outputs.defaultHostName}/api/discord/interactions'
output healthUrl string = 'https://${functionApp.outputs.defaultHostName}/api/health'
output keyVaultName string = vault.outputs.name
output storageAccountName string = storage.outputs.name
output deploymentContainerName string = deploymentContainerName
output hostingPlan string = hostingPlan
output tradingMode string = tradingMode
