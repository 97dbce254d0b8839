import { log } from '../log';
import { escalationNeedsReannouncement, reannounceEscalation } from '../app/escalation/escalation-actions';
import { schoolClosedDays } from '../domain/school-closed-days';
import type { Job } from './scheduler';
import type { JobContext } from './job-context';

/**
 * S6: an escalation nobody in the OT claimed within the school's limit (default 3 school days)
 * is re-announced once in the OT channel. The lifecycle records escalation.reannouncedAt (the
 * once-marker the digest counts as flagged) and refuses a second time; the ETag serialises
 * two instances, and the outbox key of the reminder is deterministic.
 */
export function escalationReannounceJob(ctx: Pick<JobContext, 'repos' | 'ports'>): Job {
  return {
    name: 'escalation-unclaimed-reannouncement',
    async run(now) {
      let reannounced = 0;
      for (const school of await ctx.repos.directory.listSchools()) {
        const due = (await ctx.repos.signals.listOpen(school.schoolId)).filter((s) =>
          escalationNeedsReannouncement(s, now, school.limits?.escalationUnclaimedSchoolDays, schoolClosedDays(school)),
        );
        for (const signal of due) {
          const outcome = await reannounceEscalation(ctx.ports, school.schoolId, signal.id);
          if (outcome.ok) reannounced++;
          else log.info('job.escalation_reannounce_refused', { signalId: signal.id, code: outcome.code });
        }
      }
      if (reannounced) log.info('job.escalations_reannounced', { reannounced });
    },
  };
}
