import { allRoles, type Person } from '../core/actors';
import { saveSchoolSettings, SETTINGS_AUDIT_ACTION, type SaveSettingsOutcome } from './save-school-settings';
import type { SchoolSettingsPort, SettingsAuditPort } from './school-ports';
import { settingsFromFile, type SchoolSettings } from './school-settings';
import { parseSettingsFile, type SettingsIssue } from './settings-file-schema';

/**
 * `/instellingen` (issue 14): a school's functioneel beheerder (role `admin`) reads and changes
 * its settings in Teams. Only the admin: a coordinator runs the care process, the beheerder the
 * application (roster, channels, settings) — as the roster import and `school:setup` are theirs.
 */
export const SETTINGS_ROLE = 'admin';

/** The schools whose settings this person may change. */
export const settingsSchools = (person: Person): string[] =>
  person.actors.filter((a) => a.roles.includes(SETTINGS_ROLE)).map((a) => a.schoolId);

export interface SettingsDeps {
  port: SchoolSettingsPort;
  audit: SettingsAuditPort;
}

/** Refuses someone who is not the school's admin, audited (who, roles, what was tried). */
export async function refuseSettings(
  deps: SettingsDeps,
  person: Person,
  schoolId: string,
  correlationId: string | undefined,
  code = 'not-allowed-role',
): Promise<void> {
  await deps.audit.record({
    schoolId,
    actorId: person.userId || 'unknown',
    actorRoles: allRoles(person),
    action: SETTINGS_AUDIT_ACTION,
    outcome: 'refused',
    code,
    correlationId,
  });
}

export type ReadSettingsOutcome =
  { ok: true; settings: SchoolSettings; version: string } | { ok: false; code: 'not-allowed-role' | 'school-unknown' };

/** The school's settings and their version, for its admin; anyone else is refused and audited. */
export async function readSchoolSettings(
  deps: SettingsDeps,
  person: Person,
  schoolId: string,
  correlationId?: string,
): Promise<ReadSettingsOutcome> {
  if (!settingsSchools(person).includes(schoolId)) {
    await refuseSettings(deps, person, schoolId, correlationId);
    return { ok: false, code: 'not-allowed-role' };
  }
  const school = await deps.port.getSchool(schoolId);
  return school ? { ok: true, settings: school.doc, version: school.etag } : { ok: false, code: 'school-unknown' };
}

export type ChangeSettingsOutcome =
  | SaveSettingsOutcome
  | { ok: false; code: 'not-allowed-role' | 'school-unknown' }
  | { ok: false; code: 'invalid'; issues: SettingsIssue[] };

/**
 * Saves the settings the card submitted, in the settings file's shape: checked with the same
 * schema as the file, for the school the card is about (its id and tenant cannot be changed
 * here), ETag-guarded against the version the card showed, audited old → new.
 */
export async function changeSchoolSettings(
  deps: SettingsDeps,
  person: Person,
  args: { schoolId: string; file: Record<string, unknown>; expectedVersion: string; correlationId?: string },
): Promise<ChangeSettingsOutcome> {
  const read = await readSchoolSettings(deps, person, args.schoolId, args.correlationId);
  if (!read.ok) return read;
  const parsed = parseSettingsFile({ ...args.file, id: args.schoolId, tenantId: read.settings.tenantId });
  if (!parsed.ok) return { ok: false, code: 'invalid', issues: parsed.issues };
  return saveSchoolSettings(deps.port, deps.audit, settingsFromFile(parsed.file), {
    author: { actorId: person.userId, actorRoles: allRoles(person), correlationId: args.correlationId },
    expectedVersion: args.expectedVersion,
    mustExist: true,
  });
}
