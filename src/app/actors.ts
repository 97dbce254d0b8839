import type { Actor } from '../domain/roles';
import type { DirectoryPort, StaffRecord } from './ports';

/** The person behind an activity, once per school they work at; roles always come from the store. */
export interface Person {
  userId: string;
  displayName: string;
  staff: StaffRecord[];
  actors: Actor[];
}

export const toActor = (s: StaffRecord): Actor => ({ userId: s.userId, schoolId: s.schoolId, roles: s.roles, displayName: s.displayName });

export async function resolvePerson(directory: DirectoryPort, userId: string | undefined, fallbackName = ''): Promise<Person> {
  if (!userId) return { userId: '', displayName: fallbackName, staff: [], actors: [] };
  const staff = (await directory.findStaffByUser(userId)).filter((s) => !s.leftAt);
  return { userId, displayName: staff[0]?.displayName ?? fallbackName, staff, actors: staff.map(toActor) };
}

export const actorAt = (person: Person, schoolId: string): Actor | undefined => person.actors.find((a) => a.schoolId === schoolId);

export const allRoles = (person: Person): string[] => [...new Set(person.actors.flatMap((a) => a.roles))];
