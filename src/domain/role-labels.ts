import type { Role } from './roles';

/**
 * The words a user reads for a role. Regions name the roles differently (GLOSSARY, seeds), so a
 * school's `roleLabels` override these defaults: `{ "preventionWorker": "jeugd- en gezinswerker" }`.
 * The plural is derived from the label by the usual Dutch rules, or set explicitly with the key
 * `<role>Plural` (`"preventionWorkerPlural": "jeugd- en gezinswerkers"`). `supportTeam` names the
 * team ("ondersteuningsteam"); its abbreviation OT stays the same everywhere (`/koppel ot`,
 * OT-kanaal), so a trailing "(OT)" in that label is dropped. `familyWorker` is the OT member who takes a case on (gezinswerker).
 */
export type RoleLabelKey = Role | 'familyWorker';

export const ROLE_LABEL_KEYS: readonly RoleLabelKey[] = [
  'teacher',
  'mentor',
  'preventionWorker',
  'coordinator',
  'supportTeam',
  'familyWorker',
  'attendanceOfficer',
  'admin',
  'projectLead',
];

/** GLOSSARY defaults: singular and plural. */
export const DEFAULT_ROLE_LABELS: Readonly<Record<RoleLabelKey, { one: string; many: string }>> = {
  teacher: { one: 'docent', many: 'docenten' },
  mentor: { one: 'mentor', many: 'mentoren' },
  preventionWorker: { one: 'preventiewerker', many: 'preventiewerkers' },
  coordinator: { one: 'zorgcoördinator', many: 'zorgcoördinatoren' },
  supportTeam: { one: 'ondersteuningsteam', many: 'ondersteuningsteams' },
  familyWorker: { one: 'gezinswerker', many: 'gezinswerkers' },
  attendanceOfficer: { one: 'leerplichtambtenaar', many: 'leerplichtambtenaren' },
  admin: { one: 'functioneel beheerder', many: 'functioneel beheerders' },
  projectLead: { one: 'projectleider', many: 'projectleiders' },
};

/** Longest label accepted from a school's settings; a longer or empty one falls back to the default. */
export const MAX_ROLE_LABEL_LENGTH = 60;

export interface RoleLabelOptions {
  plural?: boolean;
  /** first letter upper case, for the start of a sentence or a fact title */
  capital?: boolean;
}

/** Anything that carries a school's role labels (the school record, or nothing for the defaults). */
export type RoleLabelSource = { roleLabels?: Readonly<Record<string, string>> } | undefined;

const clean = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  const s = value.replace(/\s+/g, ' ').trim();
  return s && s.length <= MAX_ROLE_LABEL_LENGTH ? s : undefined;
};

/**
 * The Dutch plural of a role name, by the rules that cover role words: the last word changes
 * ("functioneel beheerder" → "functioneel beheerders", "jeugd- en gezinscoach" → "… gezinscoaches");
 * a text in brackets stays ("ondersteuningsteam (OT)" → "ondersteuningsteams (OT)").
 * Irregular words take the explicit `<role>Plural` key.
 */
export function dutchPlural(label: string): string {
  const m = /^(.*?)(\s*\([^)]*\))?$/.exec(label.trim())!;
  const head = m[1];
  const tail = m[2] ?? '';
  return pluralOfLastWord(head) + tail;
}

function pluralOfLastWord(text: string): string {
  const m = /^(.*?)([\p{L}'’&]+)$/u.exec(text);
  if (!m) return text;
  const [, before, word] = m;
  return before + pluralWord(word);
}

function pluralWord(word: string): string {
  const lower = word.toLowerCase();
  if (word.length > 1 && word === word.toUpperCase()) return `${word}'s`; // JMW → JMW's
  if (/(ch|sh)$/.test(lower)) return word + 'es'; // coach → coaches
  if (/(er|el|em|en|je|eur|al|team)$/.test(lower)) return word + 's'; // gezinswerker, jeugdprofessional
  if (lower.endsWith('e')) return word + 'n'; // jeugdverpleegkundige → jeugdverpleegkundigen
  if (/[aiouy]$/.test(lower)) return `${word}'s`;
  // A long vowel written double before the last consonant is written single: ambtenaar → ambtenaren.
  if (/([aeou])\1[^aeiouy]$/.test(lower)) return word.slice(0, -2) + word.slice(-1) + 'en';
  return word + 'en'; // mentor → mentoren, docent → docenten, coördinator → coördinatoren
}

/** The word for `role` at this school: its own label when set, else the glossary default. */
export function roleLabel(school: RoleLabelSource, role: RoleLabelKey, opts: RoleLabelOptions = {}): string {
  const labels = school?.roleLabels ?? {};
  // The texts add the fixed abbreviation themselves ("het ondersteuningsteam (OT)"), so a label that carries it drops it.
  const own = role === 'supportTeam' ? clean(labels[role]?.replace(/\s*\(OT\)\s*$/i, '')) : clean(labels[role]);
  let word: string;
  if (opts.plural) word = clean(labels[`${role}Plural`]) ?? (own ? dutchPlural(own) : DEFAULT_ROLE_LABELS[role].many);
  else word = own ?? DEFAULT_ROLE_LABELS[role].one;
  return opts.capital ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/** roleLabel bound to one school: what a text that names a role takes as its parameter. */
export type RoleNames = (role: RoleLabelKey, opts?: RoleLabelOptions) => string;

export const roleNamesOf =
  (school: RoleLabelSource): RoleNames =>
  (role, opts) =>
    roleLabel(school, role, opts);

/** The glossary's words, for texts shown where no school is known. */
export const DEFAULT_ROLE_NAMES: RoleNames = roleNamesOf(undefined);
