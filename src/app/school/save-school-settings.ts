import { settingChanges, type SchoolSettings, type SettingChange } from './school-settings';
import type { SchoolSettingsPort, SettingsAuditPort } from './school-ports';

/** Who changes the settings, as the audit log records it. */
export interface SettingsAuthor {
  actorId: string;
  actorRoles: string[];
  correlationId?: string;
}

export type SaveSettingsOutcome =
  | {
      ok: true;
      status: 'created' | 'updated' | 'unchanged' | 'would-create' | 'would-update';
      changes: SettingChange[];
      version?: string;
    }
  | { ok: false; code: 'stale' | 'busy' | 'school-unknown'; changes: SettingChange[] };

export const SETTINGS_AUDIT_ACTION = 'school.settings';

/**
 * Creates or updates a school's settings. Everything the settings do not govern (linked
 * channels, legacy fields) stays as stored. With `expectedVersion` (the card's version) a
 * school changed since is refused as stale; without it (the command line) a concurrent change
 * is read again and the settings applied on top of it. Every write is audited with old → new.
 */
export async function saveSchoolSettings(
  port: SchoolSettingsPort,
  audit: SettingsAuditPort,
  settings: SchoolSettings,
  opts: { author: SettingsAuthor; dryRun?: boolean; expectedVersion?: string; mustExist?: boolean },
): Promise<SaveSettingsOutcome> {
  const record = (outcome: 'ok' | 'refused', changes: SettingChange[], code?: string) =>
    audit.record({
      schoolId: settings.schoolId,
      actorId: opts.author.actorId,
      actorRoles: opts.author.actorRoles,
      action: SETTINGS_AUDIT_ACTION,
      outcome,
      code,
      correlationId: opts.author.correlationId,
      changes,
    });
  for (let attempt = 0; attempt < 4; attempt++) {
    const existing = await port.getSchool(settings.schoolId);
    if (!existing && opts.mustExist) return { ok: false, code: 'school-unknown', changes: [] };
    const changes = settingChanges(existing?.doc, settings);
    if (opts.expectedVersion !== undefined && existing?.etag !== opts.expectedVersion) {
      await record('refused', changes, 'stale');
      return { ok: false, code: 'stale', changes };
    }
    if (opts.dryRun) return { ok: true, status: existing ? 'would-update' : 'would-create', changes };
    if (existing && changes.length === 0) return { ok: true, status: 'unchanged', changes, version: existing.etag };
    if (!existing) {
      if ((await port.createSchool(settings)) !== 'ok') continue;
      await record('ok', changes, 'created');
      return { ok: true, status: 'created', changes };
    }
    const doc: SchoolSettings = { ...existing.doc, ...settings };
    if (!settings.holidayRegion) delete doc.holidayRegion;
    if ((await port.saveSchool(doc, existing.etag)) !== 'ok') {
      if (opts.expectedVersion === undefined) continue;
      await record('refused', changes, 'stale');
      return { ok: false, code: 'stale', changes };
    }
    await record('ok', changes, 'updated');
    return { ok: true, status: 'updated', changes };
  }
  return { ok: false, code: 'busy', changes: [] };
}
