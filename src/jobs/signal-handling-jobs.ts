import type { Job } from './scheduler';
import type { JobContext } from './job-context';
import { aftercareReminderJob } from './aftercare-reminder-job';
import { unclaimedSignalJob } from './unclaimed-signal-job';
import { watchReminderJob } from './watch-reminder-job';

/** The scheduled work of handling signals (S4, S5): watch check-ins, aftercare, unclaimed signals. */
export function signalHandlingJobs(ctx: Pick<JobContext, 'repos' | 'ports'>, holder: string): Job[] {
  return [watchReminderJob(ctx, holder), aftercareReminderJob(ctx, holder), unclaimedSignalJob(ctx)];
}
