import { log } from '../log';
import { reannounceUnclaimed } from '../app/signals/reannounce-signal';
import { schoolClosedDays } from '../domain/school-closed-days';
import { needsReannouncement } from '../domain/signal-reminders';
import type { Job } from './scheduler';
import type { JobContext } from './job-context';

/**
 * S4: a signal still 'new' after the school's limit (default 2 school days) is offered again to
 * the prevention workers and the coordinators are told, once: the lifecycle records reannouncedAt
 * and refuses a second re-announcement; the ETag serialises two instances.
 */
export function unclaimedSignalJob(ctx: Pick<JobContext, 'repos' | 'ports'>): Job {
  return {
    name: 'signal-unclaimed-reannouncement',
    async run(now) {
      let reannounced = 0;
      for (const school of await ctx.repos.directory.listSchools()) {
        const due = (await ctx.repos.signals.listOpen(school.schoolId)).filter((s) =>
          needsReannouncement(s, now, school.limits.unclaimedSchoolDays, schoolClosedDays(school)),
        );
        for (const signal of due) {
          const outcome = await reannounceUnclaimed(ctx.ports, school.schoolId, signal.id);
          if (outcome.ok) reannounced++;
          else log.info('job.reannounce_refused', { signalId: signal.id, code: outcome.code });
        }
      }
      if (reannounced) log.info('job.reannounced', { reannounced });
    },
  };
}
