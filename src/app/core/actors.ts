import type { Actor } from '../../domain/roles';
import type { DirectoryPort, StaffRecord } from './ports';

/** The person behind an activity, once per school they work at; roles always come from the store. */
export interface Person {
  userId: string;
  displayName: string;
  staff: StaffRecord[];
  actors: Actor[];
}

export const toActor = (s: StaffRecord): Actor => ({
  userId: s.userId,
  schoolId: s.schoolId,
  roles: s.roles,
  displayName: s.displayName,
});

/** A directory that may answer a school's tenant from a longer-lived cache than its settings. */
type TenantAwareDirectory = DirectoryPort & { schoolTenant?(schoolId: string): Promise<string | undefined> };

const tenantOfSchool = async (directory: TenantAwareDirectory, schoolId: string): Promise<string | undefined> =>
  directory.schoolTenant ? directory.schoolTenant(schoolId) : (await directory.schoolSettings(schoolId))?.tenantId;

/**
 * Who `userId` is, per school, from the store. `tenantId` (an activity's tenant): only schools of
 * that tenant count, so the same Entra id arriving from another tenant gets no roles (issue 19);
 * an empty tenant matches no school. Left out only where no activity is involved (proactive renders).
 */
export async function resolvePerson(
  directory: TenantAwareDirectory,
  userId: string | undefined,
  fallbackName = '',
  opts: { tenantId?: string } = {},
): Promise<Person> {
  if (!userId) return { userId: '', displayName: fallbackName, staff: [], actors: [] };
  let staff = (await directory.findStaffByUser(userId)).filter((s) => !s.leftAt);
  if (opts.tenantId !== undefined && staff.length > 0) {
    const tenants = await Promise.all(staff.map((s) => tenantOfSchool(directory, s.schoolId)));
    staff = staff.filter((_s, i) => !!opts.tenantId && tenants[i] === opts.tenantId);
  }
  return { userId, displayName: staff[0]?.displayName ?? fallbackName, staff, actors: staff.map(toActor) };
}

export const actorAt = (person: Person, schoolId: string): Actor | undefined =>
  person.actors.find((a) => a.schoolId === schoolId);

export const allRoles = (person: Person): string[] => [...new Set(person.actors.flatMap((a) => a.roles))];
