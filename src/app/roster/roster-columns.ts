/**
 * Which column of a roster file holds what. Headers are matched case-insensitively, without
 * accents, spaces, hyphens or underscores, against the names used by Magister, SOMtoday and
 * hand-made sheets ("Stamnummer", "Roepnaam", "Tussenvoegsels", "E-mail"…). When several
 * columns match one field, the alias listed first wins (e.g. "roepnaam" over "voornamen").
 */
export type RosterKind = 'pupils' | 'staff';

export const PUPIL_COLUMNS = {
  pupilNumber: [
    'leerlingnummer',
    'leerlingnr',
    'stamnummer',
    'stamnr',
    'llnr',
    'leerlingid',
    'studentnummer',
    'pupilnumber',
    'studentnumber',
  ],
  firstName: ['roepnaam', 'voornaam', 'voornamen', 'firstname', 'givenname'],
  lastNamePrefix: ['tussenvoegsel', 'tussenvoegsels', 'voorvoegsel', 'voorvoegsels', 'lastnameprefix', 'prefix'],
  lastName: ['achternaam', 'geslachtsnaam', 'familienaam', 'lastname', 'surname'],
  className: ['klas', 'stamgroep', 'groep', 'klasnaam', 'basisgroep', 'mentorgroep', 'class', 'classname'],
  mentorUpn: ['mentorupn', 'mentoremail', 'mentoremailadres', 'mentormail', 'emailmentor', 'mentor'],
} as const;

export const STAFF_COLUMNS = {
  displayName: ['naam', 'volledigenaam', 'weergavenaam', 'displayname', 'name', 'medewerker'],
  firstName: ['roepnaam', 'voornaam', 'firstname', 'givenname'],
  lastNamePrefix: ['tussenvoegsel', 'tussenvoegsels', 'voorvoegsel', 'voorvoegsels', 'lastnameprefix'],
  lastName: ['achternaam', 'lastname', 'surname'],
  upn: ['upn', 'userprincipalname', 'email', 'emailadres', 'mail', 'account'],
  roles: ['rollen', 'rol', 'roles', 'role'],
  classNames: ['klassen', 'klas', 'groepen', 'mentorgroepen', 'lesgroepen', 'classes'],
  entraId: ['entraid', 'entraobjectid', 'objectid', 'aadobjectid', 'azureadobjectid', 'oid'],
} as const;

export type PupilField = keyof typeof PUPIL_COLUMNS;
export type StaffField = keyof typeof STAFF_COLUMNS;

/** "E-mail " → "email", "Entra ID" → "entraid", "Tussenvoegsel(s)" → "tussenvoegsels". */
export const headerKey = (header: string): string =>
  header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** A field's column: its index and the header as the file spells it (used in messages). */
export interface Column {
  index: number;
  header: string;
}

export type ColumnMap<F extends string> = Partial<Record<F, Column>>;

export function mapColumns<F extends string>(headers: string[], aliases: Record<F, readonly string[]>): ColumnMap<F> {
  const keys = headers.map(headerKey);
  const map: ColumnMap<F> = {};
  const used = new Set<number>();
  for (const field of Object.keys(aliases) as F[]) {
    for (const alias of aliases[field]) {
      const index = keys.findIndex((k, i) => k === alias && !used.has(i));
      if (index >= 0) {
        map[field] = { index, header: headers[index].trim() };
        used.add(index);
        break;
      }
    }
  }
  return map;
}

/** Pupils if there is a pupil-number column; staff if there is a role or UPN/Entra column; else unknown. */
export function detectKind(headers: string[]): RosterKind | undefined {
  const keys = new Set(headers.map(headerKey));
  const has = (aliases: readonly string[]) => aliases.some((a) => keys.has(a));
  if (has(PUPIL_COLUMNS.pupilNumber)) return 'pupils';
  if (has(STAFF_COLUMNS.roles) || has(STAFF_COLUMNS.entraId) || has(STAFF_COLUMNS.upn)) return 'staff';
  return undefined;
}

/** Dutch names of the fields, for messages about a missing column. */
export const PUPIL_FIELD_LABELS: Record<PupilField, string> = {
  pupilNumber: 'leerlingnummer',
  firstName: 'voornaam',
  lastNamePrefix: 'tussenvoegsel',
  lastName: 'achternaam',
  className: 'klas',
  mentorUpn: 'mentor_upn',
};

export const STAFF_FIELD_LABELS: Record<StaffField, string> = {
  displayName: 'naam',
  firstName: 'voornaam',
  lastNamePrefix: 'tussenvoegsel',
  lastName: 'achternaam',
  upn: 'upn',
  roles: 'rollen',
  classNames: 'klassen',
  entraId: 'entra_id',
};
