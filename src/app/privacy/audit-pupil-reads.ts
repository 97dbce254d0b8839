import type { Person } from '../core/actors';
import { actorAt } from '../core/actors';
import type { AppPorts, PupilRecord } from '../core/ports';

/**
 * S9: pupil names shown to a person are a read of pupil data. A list or search result is audited
 * once per school with the count, not once per pupil (a type-ahead would otherwise flood the log).
 */
export async function auditPupilsShown(
  ports: AppPorts,
  person: Person,
  pupils: Pick<PupilRecord, 'schoolId'>[],
  action: 'pupil.list' | 'pupil.search',
  correlationId?: string,
): Promise<void> {
  const perSchool = new Map<string, number>();
  for (const p of pupils) perSchool.set(p.schoolId, (perSchool.get(p.schoolId) ?? 0) + 1);
  for (const [schoolId, count] of perSchool) {
    const actor = actorAt(person, schoolId);
    await ports.audit.record({
      schoolId,
      actorId: person.userId || 'unknown',
      actorRoles: actor ? [...actor.roles] : [],
      action,
      outcome: 'ok',
      code: `count=${count}`,
      correlationId,
    });
  }
}
