import { log } from '../log';
import { urgentUnclaimedMessages } from '../app/signals/urgent-unclaimed';
import { schoolClosedDays } from '../domain/school-closed-days';
import { DEFAULT_URGENT_UNCLAIMED_WORKING_HOURS, urgentUnclaimedDue } from '../domain/urgent-signals';
import type { Job } from './scheduler';
import type { JobContext } from './job-context';
import { queueOnce } from './signal-reminder-step';

/**
 * Issue 16, point 5: an urgent signal ("vandaag nog", or level 3 from the reporter) that nobody
 * claimed within the school's working hours (`limits.urgentUnclaimedWorkingHours`, default 3) is
 * told to the school's coordinators, once per signal across every instance (a once-marker in the
 * leases container, set after queueing; the outbox keys are deterministic).
 */
export function urgentUnclaimedJob(ctx: Pick<JobContext, 'repos' | 'kickOutbox'>, holder: string): Job {
  return {
    name: 'signal-urgent-unclaimed',
    async run(now) {
      let told = 0;
      for (const school of await ctx.repos.directory.listSchools()) {
        const hours = school.limits?.urgentUnclaimedWorkingHours ?? DEFAULT_URGENT_UNCLAIMED_WORKING_HOURS;
        const closed = schoolClosedDays(school);
        const due = (await ctx.repos.signals.listOpen(school.schoolId))
          .map((s) => [s, urgentUnclaimedDue(s, now, hours, closed)] as const)
          .filter(([, d]) => d);
        if (due.length === 0) continue;
        const staff = await ctx.repos.directory.listStaff(school.schoolId);
        for (const [signal, d] of due) {
          const messages = () => urgentUnclaimedMessages(signal, staff, d!, hours);
          if (await queueOnce(ctx.repos, school.schoolId, d!.onceKey, messages, now, holder)) told++;
        }
      }
      if (told) {
        log.info('job.urgent_unclaimed', { told });
        ctx.kickOutbox?.();
      }
    },
  };
}
