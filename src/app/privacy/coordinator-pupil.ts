import { createHash } from 'node:crypto';
import type { Person } from '../core/actors';
import type { AppPorts, PupilRecord } from '../core/ports';

/** A pupil number as typed after /inzage, /vergeet or /audit. */
export const PUPIL_NUMBER = /^[A-Za-z0-9_-]{1,32}$/;

export type CoordinatorPupil =
  | { ok: true; pupil: PupilRecord; actorId: string; actorRoles: string[] }
  | { ok: false; code: 'not-coordinator' | 'pupil-number-invalid' | 'pupil-number-unknown' };

/**
 * A stable, non-identifying subject for audit entries that must not name the pupil (the erasure,
 * an unknown number). Pseudonymous, not anonymous: whoever knows school and number can recompute
 * it, which is what lets a privacy officer confirm that a given pupil was erased.
 */
export function pupilSubject(schoolId: string, pupilNumber: string): string {
  return 'pupil#' + createHash('sha256').update(`waakvlam|${schoolId}|${pupilNumber}`).digest('hex').slice(0, 16);
}

/**
 * S1/S9: the privacy commands are for the coordinator of the pupil's own school only. Looks the
 * pupil up by number in the schools where the person is coordinator; every refusal is audited.
 */
export async function coordinatorPupil(
  ports: AppPorts,
  person: Person,
  pupilNumberRaw: string,
  action: string,
  correlationId?: string,
): Promise<CoordinatorPupil> {
  const pupilNumber = pupilNumberRaw.trim();
  const actorId = person.userId || 'unknown';
  const refuse = async (
    schoolId: string,
    code: 'not-coordinator' | 'pupil-number-invalid' | 'pupil-number-unknown',
    roles: string[],
    pupilId?: string,
  ) => {
    await ports.audit.record({
      schoolId,
      actorId,
      actorRoles: roles,
      action,
      outcome: 'refused',
      code,
      pupilId,
      correlationId,
      subject: pupilId ? undefined : PUPIL_NUMBER.test(pupilNumber) ? pupilSubject(schoolId, pupilNumber) : undefined,
    });
    return { ok: false as const, code };
  };
  const home = person.actors[0];
  if (!home) return refuse('_unknown', 'not-coordinator', []);
  if (!PUPIL_NUMBER.test(pupilNumber)) return refuse(home.schoolId, 'pupil-number-invalid', [...home.roles]);
  for (const actor of person.actors) {
    const pupil = (await ports.directory.listPupils(actor.schoolId)).find((p) => p.pupilNumber === pupilNumber);
    if (!pupil) continue;
    if (!actor.roles.includes('coordinator'))
      return refuse(actor.schoolId, 'not-coordinator', [...actor.roles], pupil.id);
    return { ok: true, pupil, actorId: actor.userId, actorRoles: [...actor.roles] };
  }
  const coordinatorAt = person.actors.find((a) => a.roles.includes('coordinator'));
  if (!coordinatorAt) return refuse(home.schoolId, 'not-coordinator', [...home.roles]);
  return refuse(coordinatorAt.schoolId, 'pupil-number-unknown', [...coordinatorAt.roles]);
}
