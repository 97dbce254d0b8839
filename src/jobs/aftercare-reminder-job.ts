import { log } from '../log';
import { aftercareReminderDue } from '../domain/signal-reminders';
import type { Job } from './scheduler';
import type { JobContext } from './job-context';
import { queueReminderOnce } from './signal-reminder-step';

/** S5: every four weeks in aftercare, the owner gets a reminder card: close it, or keep watching. */
export function aftercareReminderJob(ctx: Pick<JobContext, 'repos'>, holder: string): Job {
  return {
    name: 'signal-aftercare-reminders',
    async run(now) {
      let queued = 0;
      for (const school of await ctx.repos.directory.listSchools()) {
        const due = (await ctx.repos.signals.listOpen(school.schoolId))
          .map((s) => [s, aftercareReminderDue(s, now)] as const)
          .filter(([, r]) => r);
        if (due.length === 0) continue;
        const staff = await ctx.repos.directory.listStaff(school.schoolId);
        for (const [signal, reminder] of due)
          if (await queueReminderOnce(ctx.repos, signal, staff, reminder!, now, holder)) queued++;
      }
      if (queued) log.info('job.aftercare_reminders', { queued });
    },
  };
}
