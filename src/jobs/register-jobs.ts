import type { Config } from '../config';
import type { BotDeps } from '../bot/bot-deps';
import type { Repositories } from '../store';
import type { Scheduler } from './scheduler';

export interface JobContext {
  repos: Repositories;
  deps: BotDeps;
  config: Config;
}

/**
 * Every scheduled job, in one list. Each capability adds its job(s) here:
 * signal reminders (watch check-ins, aftercare, unclaimed re-announcements), escalation
 * re-announcements, round steps, digests, retention purge.
 */
export function registerJobs(scheduler: Scheduler, ctx: JobContext): void {
  void scheduler;
  void ctx;
}
