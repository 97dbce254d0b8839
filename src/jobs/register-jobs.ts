import type { Scheduler } from './scheduler';
import type { JobContext } from './job-context';
import { signalHandlingJobs } from './signal-handling-jobs';
import { retentionPurgeJob } from './retention-purge';
import { escalationReannounceJob } from './escalation-reannounce-job';
import { roundStepsJob } from './round-steps';
import { digestJob } from './digest-job';
import { digestPorts } from './digest-wiring';
import { urgentUnclaimedJob } from './urgent-unclaimed-job';

/**
 * Every scheduled job, in one list. Each capability adds its job(s) here:
 * signal reminders (watch check-ins, aftercare, unclaimed re-announcements), urgent signals nobody
 * claimed in time (coordinators told), escalation re-announcements, round steps, digests, retention purge.
 */
export function registerJobs(scheduler: Scheduler, ctx: JobContext): void {
  for (const job of signalHandlingJobs(ctx, ctx.holder)) scheduler.register(job);
  scheduler.register(urgentUnclaimedJob(ctx, ctx.holder));
  scheduler.register(retentionPurgeJob(ctx, ctx.holder));
  scheduler.register(escalationReannounceJob(ctx));
  scheduler.register(roundStepsJob(ctx, ctx.holder));
  scheduler.register(
    digestJob({
      digest: ctx.digest ?? digestPorts(ctx.repos),
      directory: ctx.repos.directory,
      kick: ctx.kickOutbox,
    }),
  );
}
