// Azure Monitor alert rules: log queries over the Log Analytics workspace that receives the Web
// App's console and HTTP logs (diagnostic setting 'to-log-analytics' in web-app.bicep). The bot
// writes one JSON object per line to stdout ({"t":…,"level":…,"msg":"outbox.dead",…}, src/log.ts);
// App Service puts each line in AppServiceConsoleLogs.ResultDescription. The msg names below are
// the ones the code emits: test/package/infra-alerts.test.ts checks them against src/.
//
// Each rule is stateful (autoMitigate): it fires once, notifies the action group, and resolves
// itself when the condition has cleared.

param location string
param tags object
param namePrefix string

@description('Log Analytics workspace with AppServiceConsoleLogs and AppServiceHTTPLogs.')
param workspaceId string

@description('Existing action group to notify. Empty: one is made for alertEmail, or none.')
param actionGroupId string

@description('E-mail address for a new action group when actionGroupId is empty. Empty: no action group.')
param alertEmail string

@description('Day the bot\'s client secret expires (yyyy-mm-dd). Empty: no expiry alert (no secret, or the date is not known).')
param botSecretExpiresOn string

resource emailGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (empty(actionGroupId) && !empty(alertEmail)) {
  name: '${namePrefix}-alerts'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'waakvlam'
    enabled: true
    emailReceivers: [
      {
        name: 'beheer'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

var actionGroups = !empty(actionGroupId) ? [actionGroupId] : (empty(alertEmail) ? [] : [emailGroup.id])

// Messages the outbox gave up on: after its retries (outbox.dead) or because the code has no
// renderer for the kind (outbox.unknown_kind, a bug). Someone did not get a notification.
// When it fires: find the message ids in the log lines (msg outbox.dead, field id and error), check
// the recipient in Teams (left the school? bot uninstalled?) and Bot Framework's status; the
// coordinators' channel already got a notice for a person the bot could not reach. A burst
// usually means the Bot Connector or the bot's credential failed: check the 5xx rule and the secret.
resource outboxDead 'Microsoft.Insights/scheduledQueryRules@2022-06-15' = {
  name: '${namePrefix}-outbox-dead'
  location: location
  tags: tags
  properties: {
    displayName: 'Waakvlam: outbox messages given up (dead)'
    description: 'A notification was not delivered after all retries (log outbox.dead / outbox.unknown_kind). See the comment in infra/modules/alerts.bicep and docs/deploy.md, section Alerts.'
    severity: 2
    enabled: true
    scopes: [
      workspaceId
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'AppServiceConsoleLogs | where ResultDescription has "outbox." | extend entry = parse_json(ResultDescription) | where tostring(entry.msg) in ("outbox.dead", "outbox.unknown_kind")'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: actionGroups
    }
  }
}

// 5xx answers: any request the Web App answered with a server error (AppServiceHTTPLogs), and the
// bot's own line for a turn that failed inside its handler (turn.failed on /api/messages, with a
// correlationId; turn.error for the adapter's turn error handler).
// When it fires: look up the correlationId of the failing turns in the console logs, then the
// lines around it (store errors: Cosmos DB throttling or auth; Bot Connector errors). 503 on
// /healthz means the instance is unhealthy: App Service replaces it, check the restarts. A steady
// stream after a deployment: roll back (redeploy the previous package) and read the start-up log.
resource serverErrors 'Microsoft.Insights/scheduledQueryRules@2022-06-15' = {
  name: '${namePrefix}-5xx'
  location: location
  tags: tags
  properties: {
    displayName: 'Waakvlam: 5xx answers'
    description: 'The bot answered requests with a server error (HTTP 5xx, log turn.failed / turn.error). See the comment in infra/modules/alerts.bicep and docs/deploy.md, section Alerts.'
    severity: 2
    enabled: true
    scopes: [
      workspaceId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'union (AppServiceHTTPLogs | where ScStatus >= 500 | project TimeGenerated), (AppServiceConsoleLogs | where ResultDescription has "turn." | extend entry = parse_json(ResultDescription) | where tostring(entry.msg) in ("turn.failed", "turn.error") | project TimeGenerated)'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: actionGroups
    }
  }
}

// The bot's client secret (botAuth 'clientSecret') expires within 30 days. Azure Monitor cannot
// read a secret's expiry from Entra ID, so the date is a deployment parameter (botSecretExpiresOn,
// copied from the app registration) and the rule compares it with today once an hour.
// When it fires: create a new client secret on the app registration, put it in Key Vault
// (az keyvault secret set --vault-name <KEY_VAULT_NAME> --name bot-app-password --value <secret>),
// restart the Web App, delete the old secret, and redeploy with the new botSecretExpiresOn so the
// rule resolves. Better: switch to botAuth 'userAssignedIdentity', which has no secret to expire.
resource secretExpiry 'Microsoft.Insights/scheduledQueryRules@2022-06-15' = if (!empty(botSecretExpiresOn)) {
  name: '${namePrefix}-secret-expiry'
  location: location
  tags: tags
  properties: {
    displayName: 'Waakvlam: bot client secret expires within 30 days'
    description: 'The client secret of the bot\'s app registration expires on ${botSecretExpiresOn}. See the comment in infra/modules/alerts.bicep and docs/deploy.md, section Alerts.'
    severity: 1
    enabled: true
    scopes: [
      workspaceId
    ]
    evaluationFrequency: 'PT1H'
    windowSize: 'PT1H'
    criteria: {
      allOf: [
        {
          query: 'print expiresOn = todatetime("${botSecretExpiresOn}") | extend daysLeft = datetime_diff("day", expiresOn, now()) | where daysLeft <= 30'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: actionGroups
    }
  }
}
