import { ROLES, type Role } from '../../domain/roles';
import { splitList } from './class-id';

/**
 * Role words as schools write them in a staff file (Dutch, regional variants, or the English
 * identifiers), mapped to the roles of the glossary. Matching ignores case, accents, spaces,
 * hyphens and dots, so "Zorg-coördinator" and "zorgcoordinator" are the same word.
 */
const ROLE_WORDS: Record<string, Role> = {
  docent: 'teacher',
  leraar: 'teacher',
  leerkracht: 'teacher',
  mentor: 'mentor',
  preventiewerker: 'preventionWorker',
  jongerenwerker: 'preventionWorker',
  jeugdverpleegkundige: 'preventionWorker',
  zorgcoordinator: 'coordinator',
  ondersteuningscoordinator: 'coordinator',
  ot: 'supportTeam',
  ondersteuningsteam: 'supportTeam',
  gezinswerker: 'supportTeam',
  leerplichtambtenaar: 'attendanceOfficer',
  leerplicht: 'attendanceOfficer',
  beheerder: 'admin',
  functioneelbeheerder: 'admin',
  projectleider: 'projectLead',
};
for (const role of ROLES) ROLE_WORDS[role.toLowerCase()] = role;

/** The role words shown in the "unknown role" message. */
export const KNOWN_ROLE_WORDS = ['docent', 'mentor', 'preventiewerker', 'zorgcoordinator', 'ot', 'leerplichtambtenaar', 'beheerder', 'projectleider'] as const;

export const roleWordKey = (word: string): string =>
  word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

export const roleOf = (word: string): Role | undefined => ROLE_WORDS[roleWordKey(word)];

/** "docent|mentor" → roles in file order without repeats, plus the words that are not roles. */
export function parseRoles(raw: string): { roles: Role[]; unknown: string[] } {
  const roles: Role[] = [];
  const unknown: string[] = [];
  for (const word of splitList(raw)) {
    const role = roleOf(word);
    if (!role) unknown.push(word);
    else if (!roles.includes(role)) roles.push(role);
  }
  return { roles, unknown };
}
