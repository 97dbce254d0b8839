import type { TurnContext } from 'botbuilder';

/** turnState key under which the HTTP edge leaves the request's correlation id. */
export const CORRELATION_KEY = 'waakvlam.correlationId';

/** The correlation id shared by the HTTP answer, the log lines and the audit entries of one turn. */
export function correlationIdOf(context: TurnContext): string {
  const fromEdge = context.turnState?.get(CORRELATION_KEY);
  return typeof fromEdge === 'string' ? fromEdge : String(context.activity?.id ?? '').slice(0, 128);
}
