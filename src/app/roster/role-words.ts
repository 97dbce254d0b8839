import { ROLES, type Role } from '../../domain/roles';
import { splitList } from './class-id';

/**
 * Role names as schools and regions write them in a staff file, mapped to the roles of the
 * glossary. One row per function: the name as a school writes it, its common abbreviations
 * and spellings, the bot role it gets, and where the name comes from (GLOSSARY, seeds 000-004).
 * Matching ignores case, accents, spaces, hyphens, dots, apostrophes and '&', so
 * "Zorg-coördinator", "zorgcoordinator", "J&G coach" and "JMW'er" all match.
 *
 * Regions give one function different names, and where a region's function sits between two
 * bot roles the default below follows the CJG-in-school method (seed 000): the worker inside the
 * school who receives signals first is the preventiewerker; the one a case is handed to when it
 * is too heavy is the OT (gezinswerker). A school whose function works the other way writes the
 * bot role's own word (preventiewerker, OT) in its staff file. docs/onboarding.md shows this table.
 */
export interface RoleName {
  /** the name as shown in docs and messages */
  name: string;
  /** abbreviations and other spellings of the same function */
  aliases: readonly string[];
  role: Role;
  /** where the name is used (for the docs) */
  source: string;
}

export const ROLE_NAMES: readonly RoleName[] = [
  { name: 'docent', aliases: ['leraar', 'leerkracht'], role: 'teacher', source: 'alle regio’s' },
  { name: 'mentor', aliases: [], role: 'mentor', source: 'alle regio’s' },
  { name: 'preventiewerker', aliases: [], role: 'preventionWorker', source: 'CJG in school (seed 000)' },
  {
    name: 'jongerenwerker',
    aliases: ['JW', "JW'er"],
    role: 'preventionWorker',
    source: 'CJG in school: duo van jongerenwerker en jeugdverpleegkundige (seed 000); Hoogeveen (seed 004)',
  },
  { name: 'jeugdverpleegkundige', aliases: [], role: 'preventionWorker', source: 'CJG in school (seed 000)' },
  {
    name: 'jeugd- en gezinswerker',
    aliases: ['jeugd en gezinswerker', 'JGW'],
    role: 'preventionWorker',
    source: 'Midden-Limburg: CJG-medewerker vast op school, eerste aanspreekpunt (seed 001)',
  },
  {
    name: 'jeugdmaatschappelijk werker',
    aliases: ['JMW', "JMW'er", 'jeugdmaatschappelijk werk', 'schoolmaatschappelijk werker', 'SMW'],
    role: 'preventionWorker',
    source: 'Hoogeveen: basisaanbod op elke school, pakt problemen vroeg op (seed 004)',
  },
  {
    name: 'jeugd- en gezinscoach',
    aliases: ['J&G coach', 'J&G-coach VO', 'jeugd- en gezinscoach VO', 'JGC'],
    role: 'preventionWorker',
    source: 'Kennemerland: sluit aan bij de vroegsignalering op school (seed 003)',
  },
  {
    name: 'zorgcoördinator',
    aliases: ['zoco', 'zorgco', 'zorg- en ondersteuningscoördinator'],
    role: 'coordinator',
    source: 'CJG in school (seed 000)',
  },
  {
    name: 'ondersteuningscoördinator',
    aliases: ['OCO'],
    role: 'coordinator',
    source: 'Kennemerland (seed 003), CJG in school (seed 000)',
  },
  {
    name: 'intern begeleider',
    aliases: ['IB', "IB'er"],
    role: 'coordinator',
    source: 'basisonderwijs: houdt het overzicht van de leerlingzorg',
  },
  {
    name: 'OT',
    aliases: ['ondersteuningsteam', 'lid ondersteuningsteam'],
    role: 'supportTeam',
    source: 'CJG in school (seed 000)',
  },
  {
    name: 'gezinswerker',
    aliases: [],
    role: 'supportTeam',
    source: 'CJG in school: neemt complexe vragen over in het OT (seed 000)',
  },
  {
    name: 'jeugdprofessional',
    aliases: ['JP'],
    role: 'supportTeam',
    source: 'Hoogeveen: aanvullend op het JMW, 2e-lijns achtergrond, regie thuis en school (seed 004)',
  },
  {
    name: 'gedragswetenschapper',
    aliases: ['gedragswetenschapper JGGZ-VO'],
    role: 'supportTeam',
    source: 'Kennemerland: complexe problematiek, de jeugd- en gezinscoach verwijst door (seed 003)',
  },
  {
    name: 'preventief ambulant jeugdhulpverlener',
    aliases: [
      'preventief ambulante jeugdhulpverlener',
      'preventief ambulante jeugdhulpverlener VO',
      'ambulant jeugdhulpverlener',
    ],
    role: 'supportTeam',
    source: 'Noord-Kennemerland: de jeugd- en gezinscoach verwijst door (seed 003)',
  },
  {
    name: 'leerplichtambtenaar',
    aliases: ['leerplicht', 'LPA', 'leerplichtconsulent'],
    role: 'attendanceOfficer',
    source: 'alle regio’s (seed 000)',
  },
  {
    name: 'functioneel beheerder',
    aliases: ['beheerder', 'FB'],
    role: 'admin',
    source: 'Waakvlam: richt de school in',
  },
  { name: 'projectleider', aliases: [], role: 'projectLead', source: 'CJG in school: verbindt de partijen' },
];

export const roleWordKey = (word: string): string =>
  word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

const ROLE_WORDS = new Map<string, Role>();
for (const entry of ROLE_NAMES)
  for (const word of [entry.name, ...entry.aliases]) ROLE_WORDS.set(roleWordKey(word), entry.role);
// The English identifiers of the glossary (preventionWorker…) are accepted too.
for (const role of ROLES) ROLE_WORDS.set(roleWordKey(role), role);

/** The role names shown in the "unknown role" message: one per function, as schools write them. */
export const KNOWN_ROLE_WORDS: readonly string[] = ROLE_NAMES.map((e) => e.name);

export const roleOf = (word: string): Role | undefined => ROLE_WORDS.get(roleWordKey(word));

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

/** Why a staff row's role word is refused, with every accepted name (Dutch). */
export const unknownRoleMessage = (word: string): string =>
  `onbekende rol '${word}' (bekend: ${KNOWN_ROLE_WORDS.join(', ')}; afkortingen als JMW, JP, OT en zoco mogen ook, zie docs/onboarding.md)`;
