/** The roles a person can hold at a school (GLOSSARY: English identifiers). */
export const ROLES = [
  'teacher',
  'mentor',
  'preventionWorker',
  'coordinator',
  'supportTeam',
  'attendanceOfficer',
  'admin',
  'projectLead',
] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting, in the context of one school. Built on the server, never from card data. */
export interface Actor {
  userId: string;
  schoolId: string;
  roles: readonly Role[];
  displayName: string;
}

/** Reserved user id of the bot itself (scheduled jobs). Entra object ids are GUIDs, so it cannot collide. */
export const SYSTEM_USER_ID = 'waakvlam-system';

/** The bot acting on its own (re-announcements from a job). It carries the admin role of that school. */
export const systemActor = (schoolId: string): Actor => ({
  userId: SYSTEM_USER_ID,
  schoolId,
  roles: ['admin'],
  displayName: 'Waakvlam',
});

export const isSystemActor = (actor: Actor): boolean => actor.userId === SYSTEM_USER_ID;

export const hasRole = (actor: Actor, role: Role): boolean => actor.roles.includes(role);

export const hasAnyRole = (actor: Actor, roles: readonly Role[]): boolean => roles.some((r) => actor.roles.includes(r));

/** Any role at the actor's school; with `schoolId`, also requires that school. */
export const isStaff = (actor: Actor, schoolId?: string): boolean =>
  actor.roles.length > 0 && (schoolId === undefined || actor.schoolId === schoolId);
