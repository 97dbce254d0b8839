import type { Config } from '../config';
import type { BotDeps } from '../bot/core/bot-deps';
import type { Repositories } from '../store';
import type { Scheduler } from './scheduler';
import { signalHandlingJobs } from './signal-handling-jobs';
import { retentionPurgeJob } from './retention-purge';
import { escalationReannounceJob } from './escalation-reannounce-job';
import { roundStepsJob } from './round-steps';
import { digestJob } from './digest-job';
import { digestPorts } from './digest-wiring';

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
  for (const job of signalHandlingJobs(ctx, ctx.config.INSTANCE_ID ?? 'scheduler')) scheduler.register(job);
  scheduler.register(retentionPurgeJob(ctx, ctx.config.INSTANCE_ID ?? 'scheduler'));
  scheduler.register(escalationReannounceJob(ctx));
  scheduler.register(roundStepsJob(ctx, ctx.config.INSTANCE_ID ?? 'scheduler'));
  scheduler.register(
    digestJob({
      digest: ctx.deps.digest ?? digestPorts(ctx.repos),
      directory: ctx.repos.directory,
      kick: ctx.deps.kickOutbox,
    }),
  );
  void scheduler;
  void ctx;
}
