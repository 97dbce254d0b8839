import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';

/** turnState key under which the HTTP edge leaves the turn's correlation id. */
export const CORRELATION_KEY = 'waakvlam.correlationId';

/** An activity id fit to stand in logs and audit entries: short, no spaces or control characters. */
const SANE_ID = /^[A-Za-z0-9:._@|+=/-]{1,128}$/;

/**
 * The one correlation id of a turn, decided once at the HTTP edge: the activity id when it has a
 * sane one (so Teams' own traces find it), else a fresh UUID.
 */
export function correlationIdFor(activityId: unknown): string {
  return typeof activityId === 'string' && SANE_ID.test(activityId) ? activityId : randomUUID();
}

/** The correlation id shared by the HTTP answer, the log lines and the audit entries of one turn. */
export function correlationIdOf(context: TurnContext): string {
  const fromEdge: unknown = context.turnState?.get(CORRELATION_KEY);
  if (typeof fromEdge === 'string') return fromEdge;
  // A turn that did not come through the HTTP edge: decided here, once, for the rest of the turn.
  const decided = correlationIdFor(context.activity?.id);
  context.turnState?.set(CORRELATION_KEY, decided);
  return decided;
}
