import type { AppPorts } from '../app/core/ports';
import type { DigestPorts } from '../app/digest/digest-ports';
import type { Repositories } from '../store';

/**
 * What the scheduled jobs are handed at wiring time (src/start-bot.ts): the store, the use
 * cases' ports (the same the bot's turns get) and a way to wake the outbox runner. Nothing of
 * the bot: a job queues messages, the outbox runner delivers them.
 */
export interface JobContext {
  repos: Repositories;
  ports: AppPorts;
  /** digests (S8); absent: built from the repositories */
  digest?: DigestPorts;
  /** wakes the outbox runner after a job queued messages */
  kickOutbox?: () => void;
  /** who holds the leases and once-markers of this instance (INSTANCE_ID, else 'scheduler') */
  holder: string;
}
