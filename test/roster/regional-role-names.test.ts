import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseStaffCsv } from '../../src/app/roster/parse-roster';
import { KNOWN_ROLE_WORDS, ROLE_NAMES, roleOf, roleWordKey, unknownRoleMessage } from '../../src/app/roster/role-words';
import { ROLES } from '../../src/domain/roles';

describe('regional role names (issue 14)', () => {
  it.each([
    ['jeugd- en gezinswerker', 'preventionWorker'],
    ['Jeugd- en Gezinswerker', 'preventionWorker'],
    ['jeugd en gezinswerker', 'preventionWorker'],
    ['JMW', 'preventionWorker'],
    ["JMW'er", 'preventionWorker'],
    ['jeugdmaatschappelijk werker', 'preventionWorker'],
    ['Jeugd-maatschappelijk werker', 'preventionWorker'],
    ['schoolmaatschappelijk werker', 'preventionWorker'],
    ['JW', 'preventionWorker'],
    ['jeugd- en gezinscoach', 'preventionWorker'],
    ['Jeugd- en Gezinscoach VO', 'preventionWorker'],
    ['J&G coach', 'preventionWorker'],
    ['J&G-coach VO', 'preventionWorker'],
    ['JP', 'supportTeam'],
    ['Jeugdprofessional', 'supportTeam'],
    ['gedragswetenschapper', 'supportTeam'],
    ['Gedragswetenschapper JGGZ-VO', 'supportTeam'],
    ['preventief ambulante jeugdhulpverlener VO', 'supportTeam'],
    ['gezinswerker', 'supportTeam'],
    ['ondersteuningsteam', 'supportTeam'],
    ['ondersteuningscoördinator', 'coordinator'],
    ['Ondersteuningscoordinator', 'coordinator'],
    ['zorg- en ondersteuningscoördinator', 'coordinator'],
    ['zoco', 'coordinator'],
    ['IB', 'coordinator'],
    ["IB'er", 'coordinator'],
    ['intern begeleider', 'coordinator'],
    ['LPA', 'attendanceOfficer'],
    ['leerplichtconsulent', 'attendanceOfficer'],
    ['Functioneel beheerder', 'admin'],
    ['FB', 'admin'],
  ])('maps %s to %s', (word, role) => {
    expect(roleOf(word)).toBe(role);
  });

  it('maps every name and abbreviation of the table to exactly one bot role', () => {
    const seen = new Map<string, string>();
    for (const entry of ROLE_NAMES) {
      expect(ROLES).toContain(entry.role);
      for (const word of [entry.name, ...entry.aliases]) {
        const key = roleWordKey(word);
        expect(key).not.toBe('');
        if (seen.has(key)) expect(`${word} → ${entry.role}`).toBe(`${word} → ${seen.get(key)}`);
        seen.set(key, entry.role);
        expect(roleOf(word)).toBe(entry.role);
      }
    }
  });

  it('still refuses a word that is not a role, listing the accepted names', () => {
    expect(roleOf('conciërge')).toBeUndefined();
    const message = unknownRoleMessage('conciërge');
    expect(message).toMatch(/^onbekende rol 'conciërge' \(bekend: docent, mentor, preventiewerker, /);
    for (const name of [
      'jeugd- en gezinswerker',
      'jeugdmaatschappelijk werker',
      'jeugdprofessional',
      'jeugd- en gezinscoach',
      'gedragswetenschapper',
      'ondersteuningscoördinator',
    ]) {
      expect(message).toContain(name);
    }
    expect(KNOWN_ROLE_WORDS).toHaveLength(ROLE_NAMES.length);
  });

  it('imports a staff file that uses the regional names and abbreviations', async () => {
    const csv = [
      'naam;upn;rollen;klassen',
      'Sanne Regio;s.regio@school.example;Jeugd- en gezinswerker;',
      'Tom Hoogeveen;t.hoogeveen@school.example;JMW;',
      'Iris Speciaal;i.speciaal@school.example;JP;',
      'Kees Kennemer;k.kennemer@school.example;J&G coach|mentor;2B',
      'Lotte Gedrag;l.gedrag@school.example;gedragswetenschapper;',
      'Anouk Coord;a.coord@school.example;Ondersteuningscoördinator;',
      'Piet Fout;p.fout@school.example;conciërge;',
    ].join('\n');
    const r = await parseStaffCsv(Buffer.from(csv));
    if (r.kind !== 'staff') throw new Error('not a staff file');
    expect(r.rows.map((row) => [row.displayName, row.roles])).toEqual([
      ['Sanne Regio', ['preventionWorker']],
      ['Tom Hoogeveen', ['preventionWorker']],
      ['Iris Speciaal', ['supportTeam']],
      ['Kees Kennemer', ['preventionWorker', 'mentor']],
      ['Lotte Gedrag', ['supportTeam']],
      ['Anouk Coord', ['coordinator']],
    ]);
    expect(r.rejected).toEqual([expect.objectContaining({ line: 8, reason: unknownRoleMessage('conciërge') })]);
  });

  it('is shown in docs/onboarding.md, every name and abbreviation', () => {
    const doc = readFileSync(path.join(__dirname, '..', '..', 'docs', 'onboarding.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## Rollen en regionale namen'));
    expect(section.startsWith('## Rollen en regionale namen')).toBe(true);
    for (const entry of ROLE_NAMES) for (const word of [entry.name, ...entry.aliases]) expect(section).toContain(word);
  });
});
