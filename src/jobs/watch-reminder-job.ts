import { log } from '../log';
import { watchReminderDue } from '../domain/signal-reminders';
import type { Job } from './scheduler';
import type { JobContext } from './job-context';
import { queueReminderOnce } from './signal-reminder-step';

/** S5: on the check-in date of a watch (Amsterdam date), the owner gets a reminder card with next steps. */
export function watchReminderJob(ctx: Pick<JobContext, 'repos'>, holder: string): Job {
  return {
    name: 'signal-watch-reminders',
    async run(now) {
      let queued = 0;
      for (const school of await ctx.repos.directory.listSchools()) {
        const due = (await ctx.repos.signals.listOpen(school.schoolId))
          .map((s) => [s, watchReminderDue(s, now)] as const)
          .filter(([, r]) => r);
        if (due.length === 0) continue;
        const staff = await ctx.repos.directory.listStaff(school.schoolId);
        for (const [signal, reminder] of due)
          if (await queueReminderOnce(ctx.repos, signal, staff, reminder!, now, holder)) queued++;
      }
      if (queued) log.info('job.watch_reminders', { queued });
    },
  };
}
