import type { HandoverDeps } from '../../app/handover/handover-ports';
import type { BotDeps } from '../core/bot-deps';

/** The use cases' dependencies of absence and handover, from the bot's wiring (undefined: not wired). */
export const handoverDepsOf = (deps: BotDeps): HandoverDeps | undefined =>
  deps.handover && { ports: deps.ports, outbox: deps.outbox, ...deps.handover };

/** Names of people as the texts show them: "A", "A en B", "A, B en C". */
export const joinNames = (names: string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} en ${names[names.length - 1]}`;
