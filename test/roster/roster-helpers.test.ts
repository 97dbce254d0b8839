import { classIdOf, splitList } from '../../src/app/roster/class-id';
import { cleanName, fullName, splitLastName } from '../../src/app/roster/dutch-names';
import { detectKind, headerKey, mapColumns, PUPIL_COLUMNS } from '../../src/app/roster/roster-columns';
import { parseRoles, roleOf } from '../../src/app/roster/role-words';
import { rosterPupilId, rosterStaffId } from '../../src/app/roster/roster-port';
import { pupilDocId, staffDocId } from '../../src/store/schemas/directory-docs';

describe('Dutch name particles', () => {
  it.each([
    ['van der Berg', 'van der', 'Berg'],
    ['de Vries', 'de', 'Vries'],
    ["van 't Hof", "van 't", 'Hof'],
    ["'t Hart", "'t", 'Hart'],
    ['ter Horst', 'ter', 'Horst'],
    ['van den Berg-Smit', 'van den', 'Berg-Smit'],
    ['Dijk, van', 'van', 'Dijk'],
    ['Berg, van der', 'van der', 'Berg'],
    ['el Idrissi', 'el', 'Idrissi'],
  ])('splits %s into %s + %s', (raw, prefix, last) => {
    expect(splitLastName(raw)).toEqual({ lastNamePrefix: prefix, lastName: last });
  });

  it.each(['Jansen', 'De', 'Van', 'Vandijk', 'Devries', 'Smit, Jansen'])('leaves %s alone', (raw) => {
    expect(splitLastName(raw)).toEqual({ lastName: raw });
  });

  it('normalises names to NFC with single spaces and straight apostrophes', () => {
    expect(cleanName('  Zoe\u0308   van  ’t ')).toBe("Zoë van 't");
    expect(fullName('Milan', 'van den', 'Berg')).toBe('Milan van den Berg');
    expect(fullName('Lieke', undefined, 'Postma')).toBe('Lieke Postma');
  });
});

describe('roles', () => {
  it.each([
    ['docent', 'teacher'],
    ['Mentor', 'mentor'],
    ['preventiewerker', 'preventionWorker'],
    ['jongerenwerker', 'preventionWorker'],
    ['Jeugdverpleegkundige', 'preventionWorker'],
    ['zorgcoordinator', 'coordinator'],
    ['Zorgcoördinator', 'coordinator'],
    ['ondersteuningscoördinator', 'coordinator'],
    ['OT', 'supportTeam'],
    ['gezinswerker', 'supportTeam'],
    ['leerplichtambtenaar', 'attendanceOfficer'],
    ['beheerder', 'admin'],
    ['projectleider', 'projectLead'],
    ['preventionWorker', 'preventionWorker'],
  ])('maps %s to %s', (word, role) => {
    expect(roleOf(word)).toBe(role);
  });

  it('splits on | and , keeps file order without repeats, and lists unknown words', () => {
    expect(parseRoles('docent|mentor, docent')).toEqual({ roles: ['teacher', 'mentor'], unknown: [] });
    expect(parseRoles('conciërge|ot')).toEqual({ roles: ['supportTeam'], unknown: ['conciërge'] });
  });
});

describe('class ids and headers', () => {
  it('derives stable class ids from class names', () => {
    expect(classIdOf('1A')).toBe('1a');
    expect(classIdOf(' H2b ')).toBe('h2b');
    expect(classIdOf('2 VWO-a')).toBe('2-vwo-a');
    expect(classIdOf('Ö1')).toBe('o1');
    expect(classIdOf('---')).toBe('');
    expect(splitList('1A| 1B ,,2C')).toEqual(['1A', '1B', '2C']);
  });

  it('recognises headers case- and punctuation-insensitively, first alias winning', () => {
    expect(headerKey(' E-mail ')).toBe('email');
    expect(headerKey('Entra ID')).toBe('entraid');
    const cols = mapColumns(['Voornamen', 'Stamnummer', 'Roepnaam', 'Tussenvoegsel(s)'], PUPIL_COLUMNS);
    expect(cols.firstName).toEqual({ index: 2, header: 'Roepnaam' });
    expect(cols.pupilNumber?.index).toBe(1);
    expect(cols.lastNamePrefix?.index).toBe(3);
    expect(detectKind(['Stamnummer', 'Roepnaam'])).toBe('pupils');
    expect(detectKind(['naam', 'upn', 'rollen'])).toBe('staff');
    expect(detectKind(['foo', 'bar'])).toBeUndefined();
  });

  it('builds document ids the way the store does', () => {
    expect(rosterStaffId('abc')).toBe(staffDocId('abc'));
    expect(rosterPupilId('260101')).toBe(pupilDocId('260101'));
  });
});
