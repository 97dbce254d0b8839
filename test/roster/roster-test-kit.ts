import { parsePupilsCsv, parseStaffCsv, type ParsedPupils, type ParsedStaff } from '../../src/app/roster/parse-roster';

/** Shared helpers for the roster tests (not a test file). */
export const NOW = new Date('2026-09-01T08:00:00.000Z');
export const LATER = new Date('2027-01-10T08:00:00.000Z');

export const PUPIL_HEADER = 'leerlingnummer;voornaam;tussenvoegsel;achternaam;klas;mentor_upn';
export const STAFF_HEADER = 'naam;upn;rollen;klassen;entra_id';

export const MENTOR_A = { upn: 'a.mentor@school.example', id: '11111111-1111-4111-8111-111111111111' };
export const MENTOR_B = { upn: 'b.mentor@school.example', id: '22222222-2222-4222-8222-222222222222' };
export const WORKER = { upn: 'p.werker@school.example', id: '33333333-3333-4333-8333-333333333333' };

export const staffCsv = (...rows: string[]) => [STAFF_HEADER, ...rows].join('\n');
export const pupilsCsv = (...rows: string[]) => [PUPIL_HEADER, ...rows].join('\n');

export const BASE_STAFF = [
  `Anna Mentor;${MENTOR_A.upn};docent|mentor;1A;${MENTOR_A.id}`,
  `Bert Mentor;${MENTOR_B.upn};docent|mentor;1B;${MENTOR_B.id}`,
  `Petra Werker;${WORKER.upn};preventiewerker;;${WORKER.id}`,
];
export const BASE_PUPILS = [
  `1001;Chloë;;Jansen;1A;${MENTOR_A.upn}`,
  `1002;Daan;de;Boer;1A;${MENTOR_A.upn}`,
  `1003;Noor;van der;Heijden;1B;${MENTOR_B.upn}`,
  `1004;Yusuf;el;Idrissi;1B;${MENTOR_B.upn}`,
];

export async function pupilsOf(csv: string): Promise<ParsedPupils> {
  const r = await parsePupilsCsv(csv, { fileName: 'leerlingen.csv' });
  if (r.kind !== 'pupils') throw new Error(JSON.stringify(r.fileErrors));
  return r;
}

export async function staffOf(csv: string): Promise<ParsedStaff> {
  const r = await parseStaffCsv(csv, { fileName: 'personeel.csv' });
  if (r.kind !== 'staff') throw new Error(JSON.stringify(r.fileErrors));
  return r;
}

let n = 0;
/** A fresh school id per test, so tests sharing one embedded server never see each other. */
export const freshSchool = (prefix = 'school') => `${prefix}-${process.pid}-${++n}`;
