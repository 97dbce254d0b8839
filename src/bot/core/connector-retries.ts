import type { TurnContext } from 'botbuilder';

type PipelineOwner = { client?: { pipeline?: { removePolicy(options: { phase?: string }): unknown } } };

/**
 * Turns off the Bot Connector client's own retries for this turn's outgoing calls. The SDK's
 * HTTP pipeline (Azure core-rest-pipeline) retries 5xx, 429 and network errors up to three times
 * with up to a minute of backoff, inside one call: that blocks the conversation's queue, hides
 * failures from the outbox's trace and counts, and can outlive the outbox's claim. The outbox
 * (src/jobs/outbox-runner.ts) owns retries: backoff with jitter, Retry-After, a visible trace.
 */
export function withoutConnectorRetries(context: TurnContext): void {
  const key = context.adapter?.ConnectorClientKey;
  const client = key ? context.turnState.get<PipelineOwner | undefined>(key) : undefined;
  client?.client?.pipeline?.removePolicy({ phase: 'Retry' });
}
