import type { AppPorts, ConversationPort, OutboxPort } from '../app/ports';

/** What the bot layer is handed at wiring time (src/index.ts). */
export interface BotDeps {
  ports: AppPorts;
  conversations: ConversationPort;
  outbox: OutboxPort;
  /** true: the client is the Agents Playground (no Data.Query type-ahead; static choices only) */
  isPlayground: (serviceUrl: string | undefined) => boolean;
  /** wakes the outbox runner after a turn queued messages */
  kickOutbox: () => void;
}
