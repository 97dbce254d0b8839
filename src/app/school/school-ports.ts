import type { AuditEntry, StaffRecord } from '../core/ports';
import type { SchoolSettings, SettingChange } from './school-settings';

/** What the settings use cases need of the directory: the whole school, ETag-guarded writes, creation. */
export interface SchoolSettingsPort {
  getSchool(schoolId: string): Promise<{ doc: SchoolSettings; etag: string } | undefined>;
  /** ETag-guarded replace of a school read with getSchool (clears the settings cache). */
  saveSchool(doc: SchoolSettings, etag: string): Promise<'ok' | 'conflict'>;
  /** Creates a school that does not exist yet; 'conflict' when it does. */
  createSchool(settings: SchoolSettings): Promise<'ok' | 'conflict'>;
}

/** The audit log, with the old → new values of a settings change. */
export interface SettingsAuditPort {
  record(entry: AuditEntry & { changes?: SettingChange[] }): Promise<void>;
}

/** A staff record still keyed by UPN, as found, with the ETag its re-keying is guarded by. */
export interface UnboundStaff {
  staff: StaffRecord & { id: string };
  etag: string;
}

/** Binding on first contact (bind-staff.ts): `StaffBindingRepository` implements it. */
export interface StaffBindingPort {
  /** Staff records of every school whose upn is one of `upns` and whose userId is still `upn:…`. */
  findUnbound(upns: string[]): Promise<UnboundStaff[]>;
  /**
   * Re-keys one record to `entraId` within its school, ETag-guarded, all or nothing: the record
   * under the new id, the old one gone, and the school's pupils whose mentor was the old id
   * pointing at the new one. 'conflict': the record changed or was bound meanwhile, or `entraId`
   * is already staff of that school.
   */
  bind(record: UnboundStaff, entraId: string): Promise<'ok' | 'conflict'>;
}
