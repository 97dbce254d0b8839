import { log } from '../log';
import type { DirectoryPort } from '../app/core/ports';
import type { DigestPorts } from '../app/digest/digest-ports';
import { postScheduledDigest } from '../app/digest/post-scheduled-digest';
import type { Job } from './scheduler';

/**
 * S8: each school's weekly digest into the coordinators' channel, on the school's own schedule.
 * Runs every tick; a school whose slot has come gets one digest (once per slot across instances,
 * see postScheduledDigest). The outbox parks it until the channel is linked.
 */
export function digestJob(deps: {
  digest: DigestPorts;
  directory: Pick<DirectoryPort, 'listStaff'>;
  kick?: () => void;
}): Job {
  return {
    name: 'digest-weekly',
    async run(now) {
      let posted = 0;
      for (const school of await deps.digest.store.listSchools()) {
        try {
          const outcome = await postScheduledDigest(deps.digest, deps.directory, school, now);
          if (outcome.kind === 'posted') {
            posted++;
            log.info('digest.posted', {
              schoolId: school.schoolId,
              slot: outcome.slotKey,
              slotsCovered: outcome.slotsCovered,
              late: outcome.late,
            });
          } else if (outcome.kind === 'baseline') log.info('digest.baseline', { schoolId: school.schoolId });
          else if (outcome.kind === 'already-posted' || outcome.kind === 'conflict')
            log.info('digest.skipped', { schoolId: school.schoolId, outcome: outcome.kind });
        } catch (err) {
          log.error('digest.failed', { schoolId: school.schoolId, error: String((err as Error)?.name ?? 'Error') });
        }
      }
      if (posted) deps.kick?.();
    },
  };
}
