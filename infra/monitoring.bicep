// Logs and traces: a Log Analytics workspace, workspace-based Application Insights, and the alerts
// docs/operations.md explains (what each means, what to do).
param namePrefix string
param location string
param tags object

@description('Name of the app\'s user-assigned identity (in this resource group) — Monitoring Metrics Publisher when local auth is off')
param appIdentityName string

@description('Refuse instrumentation-key ingestion; only Entra ID (the app identity) may send telemetry')
param disableLocalAuth bool

@description('Email that receives the alerts; empty = alerts show in the portal only')
param alertEmail string

@minValue(30)
@maxValue(730)
param retentionInDays int

var metricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: appIdentityName
}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${namePrefix}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionInDays
    workspaceCapping: { dailyQuotaGb: 1 }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${namePrefix}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: disableLocalAuth
    RetentionInDays: retentionInDays
  }
}

resource publisherRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (disableLocalAuth) {
  name: guid(appInsights.id, appIdentity.id, metricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', metricsPublisher)
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource emailGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmail)) {
  name: 'ag-${namePrefix}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take('mqd${namePrefix}', 12)
    enabled: true
    emailReceivers: [
      { name: 'trader', emailAddress: alertEmail, useCommonAlertSchema: true }
    ]
  }
}

// name → (severity, window, query that returns rows only when something is wrong). Times are UTC:
// 14:00–19:59 UTC is inside US regular hours in both EST and EDT.
var alerts = [
  {
    name: 'function-failures'
    description: 'Three or more failed function invocations in 15 minutes'
    severity: 2
    query: 'requests | where success == false | summarize failures = count() by operation_Name | where failures >= 3'
  }
  {
    name: 'poison-messages'
    description: 'A queue message exhausted its retries and was moved to a -poison queue'
    severity: 1
    query: 'traces | where message has "poison" and message has "MaxDequeueCount" | summarize moved = count() by tostring(customDimensions.Category)'
  }
  {
    name: 'no-bar-polls'
    description: 'No BarPoll run in 15 minutes during US market hours (weekdays 14:00-19:59 UTC)'
    severity: 1
    query: 'let inHours = dayofweek(now()) between (1d .. 5d) and hourofday(now()) between (14 .. 19); requests | where name == "BarPoll" | summarize polls = count() | where inHours and polls == 0'
  }
  {
    name: 'health-unhealthy'
    description: 'The health endpoint answered 503 at least twice in 15 minutes'
    severity: 2
    query: 'requests | where name == "Health" and resultCode == "503" | summarize unhealthy = count() | where unhealthy >= 2'
  }
]

resource rules 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = [for alert in alerts: {
  name: 'alert-${namePrefix}-${alert.name}'
  location: location
  tags: tags
  properties: {
    displayName: 'MiniQuantDesk ${alert.name}'
    description: alert.description
    severity: alert.severity
    enabled: true
    scopes: [appInsights.id]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    autoMitigate: true
    criteria: {
      allOf: [
        {
          query: alert.query
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: { actionGroups: empty(alertEmail) ? [] : [emailGroup.id] }
  }
}]

output connectionString string = appInsights.properties.ConnectionString
output appInsightsName string = appInsights.name
