import type { Person } from '../../app/core/actors';
import { DEFAULT_ROLE_NAMES, roleNamesOf, type RoleNames } from '../../domain/role-labels';
import type { BotDeps } from './bot-deps';

/**
 * The role words of one school (its `roleLabels` over the glossary defaults), read from its
 * cached settings: a changed label shows within seconds, without a restart. Texts that name a
 * role take the result as a parameter.
 */
export async function roleNamesAt(deps: Pick<BotDeps, 'ports'>, schoolId: string | undefined): Promise<RoleNames> {
  if (!schoolId) return DEFAULT_ROLE_NAMES;
  return roleNamesOf(await deps.ports.directory.schoolSettings(schoolId));
}

/** The role words a person reads outside one school's context (/help, a fresh intake card): their first school's. */
export const roleNamesFor = (deps: Pick<BotDeps, 'ports'>, person: Pick<Person, 'actors'>): Promise<RoleNames> =>
  roleNamesAt(deps, person.actors[0]?.schoolId);
