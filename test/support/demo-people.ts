import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The fictional demo roster, read from the same CSV files the bot seeds from. */
export interface DemoStaff {
  name: string;
  upn: string;
  roles: string[];
  classes: string[];
  entraId: string;
}
export interface DemoPupil {
  number: string;
  firstName: string;
  prefix: string;
  lastName: string;
  className: string;
  mentorUpn: string;
}

const dir = path.resolve(__dirname, '..', '..', 'demo', 'roster');

function rows(file: string): Record<string, string>[] {
  const text = readFileSync(path.join(dir, file), 'utf8').replace(/^\uFEFF/, '');
  const [head, ...lines] = text.split(/\r?\n/).filter(Boolean);
  const cols = head.split(';');
  return lines.map((l) => Object.fromEntries(l.split(';').map((v, i) => [cols[i], v])));
}

export const demoStaff: DemoStaff[] = rows('staff.csv').map((r) => ({
  name: r.naam,
  upn: r.upn,
  roles: r.rollen.split(/[|,]/).map((s) => s.trim()),
  classes: (r.klassen ?? '').split(/[|,]/).filter(Boolean),
  entraId: r.entra_id,
}));

export const demoPupils: DemoPupil[] = rows('pupils.csv').map((r) => ({
  number: r.leerlingnummer,
  firstName: r.voornaam,
  prefix: r.tussenvoegsel,
  lastName: r.achternaam,
  className: r.klas,
  mentorUpn: r.mentor_upn,
}));

export const staffWith = (role: string): DemoStaff[] => demoStaff.filter((s) => s.roles.includes(role));
export const pupilFullName = (p: DemoPupil) => [p.firstName, p.prefix, p.lastName].filter(Boolean).join(' ');
