import type { HandoverDeps } from '../../app/handover/handover-ports';
import type { BotDeps } from '../core/bot-deps';

/** The use cases' dependencies of absence and handover, from the bot's wiring (undefined: not wired). */
export const handoverDepsOf = (deps: BotDeps): HandoverDeps | undefined =>
  deps.handover && { ports: deps.ports, outbox: deps.outbox, ...deps.handover };
