import { log } from '../log';
import { purgeSchool } from '../app/privacy/retention-purge';
import type { Job } from './scheduler';
import type { JobContext } from './job-context';

/**
 * S9 retention, once a day per school (a once-marker per school and date, so several instances
 * purge once): closed signals, round scores of pupils who left, and old audit entries past the
 * school's retention. The purge itself is idempotent, so a day whose run stopped halfway is
 * completed by the next day's run. The source of truth for expiry (the embedded server has no
 * TTL; per-item TTL on Cosmos DB is only a second line).
 */
export function retentionPurgeJob(ctx: Pick<JobContext, 'repos' | 'ports'>, holder: string): Job {
  return {
    name: 'retention-purge',
    async run(now) {
      const day = now.toISOString().slice(0, 10);
      for (const school of await ctx.repos.directory.listSchools()) {
        if (!(await ctx.repos.leases.claimOnce(`retention:${day}`, holder, now, school.schoolId))) continue;
        try {
          const counts = await purgeSchool(ctx.ports, ctx.repos.privacy, school.schoolId, school.retention, now);
          if (counts.signals + counts.scores + counts.audit + counts.digests > 0)
            log.info('retention.purged', { schoolId: school.schoolId, ...counts });
        } catch (err) {
          log.error('retention.failed', { schoolId: school.schoolId, error: String((err as Error)?.name ?? 'Error') });
        }
      }
    },
  };
}
