import { readFileSync } from 'node:fs';
import path from 'node:path';
import { issueLine, parseSettingsFile } from '../../src/app/school/settings-file-schema';
import { fileFromSettings, settingChanges, settingsFromFile } from '../../src/app/school/school-settings';

const DEMO = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'demo', 'school.json'), 'utf8'));
const copy = () => JSON.parse(JSON.stringify(DEMO));

/** The Dutch error lines for a file changed by `edit`. */
function errorsOf(edit: (f: any) => void): string[] {
  const f = copy();
  edit(f);
  const parsed = parseSettingsFile(f);
  if (parsed.ok) throw new Error('expected the file to be refused');
  return parsed.issues.map(issueLine);
}

describe('the school settings file', () => {
  it('accepts demo/school.json and maps it to the school document fields', () => {
    const parsed = parseSettingsFile(DEMO);
    if (!parsed.ok) throw new Error(parsed.issues.map(issueLine).join('\n'));
    const s = settingsFromFile(parsed.file);
    expect(s).toMatchObject({
      schoolId: 'demo-school',
      name: 'Demo College De Linde',
      digest: { weekday: 1, time: '07:30' },
      retention: { closedSignalMonths: 24, scoreMonthsAfterLeaving: 24, auditMonths: 60 },
      limits: { unclaimedSchoolDays: 2, escalationUnclaimedSchoolDays: 3 },
      notifyAttendanceOfficer: true,
      channelPostDetail: 'minimal',
    });
    expect(s.roundWindows['2026']).toHaveLength(4);
    expect(s.roleLabels.coordinator).toBe('zorgcoördinator');
  });

  it('lets mentors follow signals unless the file turns it off (issue 16)', () => {
    const parsed = parseSettingsFile(DEMO);
    const off = parseSettingsFile({ ...copy(), mentorFollowsSignals: false });
    if (!parsed.ok || !off.ok) throw new Error('refused');
    expect(settingsFromFile(parsed.file).mentorFollowsSignals).toBe(true);
    const s = settingsFromFile(off.file);
    expect(s.mentorFollowsSignals).toBe(false);
    expect(fileFromSettings(s).mentorFollowsSignals).toBe(false);
    expect(settingChanges(settingsFromFile(parsed.file), s)).toEqual([
      { field: 'mentorFollowsSignals', from: 'true', to: 'false' },
    ]);
  });

  it('maps settings back to the same file fields (the card edits those)', () => {
    const parsed = parseSettingsFile({
      ...copy(),
      holidayRegion: 'zuid',
      closedDays: ['2027-02-12'],
      digest: { weekday: 'vrijdag', time: '16:00' },
    });
    if (!parsed.ok) throw new Error('refused');
    const s = settingsFromFile(parsed.file);
    const again = parseSettingsFile(fileFromSettings(s));
    expect(again.ok && settingsFromFile(again.file)).toEqual(s);
    expect(s.digest.weekday).toBe(5);
  });

  it('names the field and says in Dutch what is expected', () => {
    expect(errorsOf((f) => (f.digest.time = '7.30'))).toEqual(['digest.time: verwacht UU:MM, bijvoorbeeld 08:00']);
    expect(errorsOf((f) => (f.digest.weekday = 'funday'))).toEqual([
      'digest.weekday: verwacht een weekdag: monday … sunday (of maandag … zondag)',
    ]);
    expect(errorsOf((f) => (f.holidayRegion = 'oost'))).toEqual([
      'holidayRegion: verwacht noord, midden of zuid (de regio van de schoolvakanties)',
    ]);
    expect(errorsOf((f) => (f.closedDays = ['2027-02-30']))).toEqual([
      'closedDays[0]: verwacht een bestaande datum als JJJJ-MM-DD, bijvoorbeeld 2026-12-24',
    ]);
    expect(errorsOf((f) => (f.retention.closedSignalMonths = 0))).toEqual([
      'retention.closedSignalMonths: minstens 1 maand',
    ]);
    expect(errorsOf((f) => (f.attendanceOfficer.notifyOnAbsence = 'ja'))).toEqual([
      'attendanceOfficer.notifyOnAbsence: verwacht true of false, niet tekst',
    ]);
    expect(errorsOf((f) => (f.channelPostDetail = 'full'))).toEqual([
      'channelPostDetail: verwacht "minimal" (geen namen) of "initialsAndClass" (initialen en klas)',
    ]);
    expect(errorsOf((f) => delete f.name)).toEqual(['name: ontbreekt']);
    expect(errorsOf((f) => (f.tenantId = 'demo'))).toEqual([
      expect.stringMatching(/^tenantId: verwacht de Entra tenant-id/),
    ]);
  });

  it('refuses unknown fields and unknown roles by name', () => {
    expect(errorsOf((f) => (f.holidayregion = 'zuid'))).toEqual(['holidayregion: onbekend veld']);
    expect(errorsOf((f) => (f.roleLabels.gezinscoach = 'jeugd- en gezinscoach'))).toEqual([
      expect.stringMatching(/^roleLabels\.gezinscoach: onbekend veld; kies uit teacher, mentor, .*familyWorker/),
    ]);
    expect(errorsOf((f) => (f.roleLabels.preventionWorkerPlural = ''))).toEqual([
      'roleLabels.preventionWorkerPlural: mag niet leeg zijn',
    ]);
  });

  it('checks the round windows: four rounds, open before the deadline, real dates, within the school year', () => {
    const rounds = () => copy().roundWindows['2026'];
    expect(errorsOf((f) => f.roundWindows['2026'].pop())).toEqual([
      'roundWindows.2026: verwacht precies vier rondes, met roundNo 1, 2, 3 en 4',
    ]);
    expect(errorsOf((f) => (f.roundWindows['2026'][1].deadline = '2026-11-30'))).toEqual([
      'roundWindows.2026: de deadline ligt vóór de opening (opensOn) (meting 2)',
    ]);
    expect(errorsOf((f) => (f.roundWindows['2026'][0].opensOn = '2026-09-31'))).toContain(
      'roundWindows.2026[0].opensOn: verwacht een bestaande datum als JJJJ-MM-DD, bijvoorbeeld 2026-12-24',
    );
    expect(errorsOf((f) => (f.roundWindows['2026'][3].deadline = '2027-08-15'))).toEqual([
      'roundWindows.2026: alle rondes moeten binnen één schooljaar vallen (1 augustus tot en met 31 juli)',
    ]);
    expect(errorsOf((f) => (f.roundWindows = { '2025': rounds() }))).toEqual([
      'roundWindows.2025: de rondes vallen niet in schooljaar 2025/26 (1 augustus 2025 tot en met 31 juli 2026)',
    ]);
  });

  it('lists what changed, old → new, in the file’s terms', () => {
    const parsed = parseSettingsFile(DEMO);
    if (!parsed.ok) throw new Error('refused');
    const before = settingsFromFile(parsed.file);
    const after = { ...before, digest: { weekday: 1, time: '08:00' }, holidayRegion: 'zuid' as const };
    expect(settingChanges(before, after)).toEqual([
      { field: 'holidayRegion', from: 'midden', to: 'zuid' },
      { field: 'digest.time', from: '07:30', to: '08:00' },
    ]);
    expect(settingChanges(before, before)).toEqual([]);
  });
});
