import type { Repositories } from '../src/store';
import { RosterRepository } from '../src/store/roster-repository';
import {
  SchoolDocSchema,
  pupilDocId,
  staffDocId,
  type PupilDoc,
  type StaffDoc,
} from '../src/store/schemas/directory-docs';
import type { SignalDoc } from '../src/store/schemas/signal-doc';

/** Bench-only data: fictional schools the benchmark drives. Never loaded by the product. */
export const BENCH_SCHOOL = 'bench-school';
export const FANOUT_SCHOOL = 'fanout-school';
export const HISTORY_SCHOOL = 'history-school';
export const BENCH_TENANT = '0b7c3a55-2f7e-4a4e-9a8e-5e2c0c0b3e11';
export const BENCH_TEACHER = { userId: 'b0000000-0000-4000-8000-000000000001', displayName: 'Bench Docent' };
const BENCH_WORKERS = ['b0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000003'];

const FIRST = [
  'Anna',
  'Bram',
  'Chloë',
  'Daan',
  'Emma',
  'Finn',
  'Guus',
  'Hanna',
  'Isa',
  'Jesse',
  'Lotte',
  'Milan',
  'Noor',
  'Olivier',
  'Puck',
  'Ruben',
  'Sara',
  'Thijs',
  'Vera',
  'Wout',
];
const LAST = [
  'Bakker',
  'Claassen',
  'Dekker',
  'Evers',
  'Franssen',
  'Gerritsen',
  'Hendriks',
  'Jacobs',
  'Kok',
  'Lambert',
  'Mulder',
  'Nijhuis',
  'Peters',
  'Ruiter',
  'Smit',
  'Timmer',
  'Verbeek',
  'Wolters',
  'Zwart',
  'Koster',
];
const PREFIX = ['', '', '', 'de', 'van', 'van der'];

/** Query texts a teacher types into the pupil field: two to four letters of a first or last name. */
export const SEARCH_QUERIES = [...FIRST, ...LAST]
  .flatMap((n) => [n.slice(0, 2), n.slice(0, 3), n.slice(0, 4)])
  .map((q) => q.toLowerCase());

function school(schoolId: string, name: string) {
  return SchoolDocSchema.parse({
    id: 'school',
    type: 'school',
    schoolId,
    name,
    region: 'Bench-regio',
    tenantId: BENCH_TENANT,
    notifyAttendanceOfficer: false,
  });
}

const staff = (
  schoolId: string,
  userId: string,
  displayName: string,
  roles: StaffDoc['roles'],
  classIds: string[] = [],
): StaffDoc => ({
  id: staffDocId(userId),
  type: 'staff',
  schoolId,
  userId,
  displayName,
  roles,
  classIds,
});

/** A school of `pupils` pupils in 80 classes, one teacher (mentor of four classes) and two prevention workers. */
export async function seedBenchSchool(repos: Repositories, pupils = 2000): Promise<void> {
  await repos.directory.saveSchool(school(BENCH_SCHOOL, 'Bench Lyceum'));
  const roster = RosterRepository.on(repos.cosmos);
  const classes = Array.from({ length: 80 }, (_, i) => `${1 + (i % 6)}${String.fromCharCode(65 + Math.floor(i / 6))}`);
  const classId = (name: string) => name.toLowerCase();
  const docs: (StaffDoc | PupilDoc)[] = [
    staff(
      BENCH_SCHOOL,
      BENCH_TEACHER.userId,
      BENCH_TEACHER.displayName,
      ['teacher', 'mentor'],
      classes.slice(0, 4).map(classId),
    ),
    ...BENCH_WORKERS.map((id, i) => staff(BENCH_SCHOOL, id, `Bench Preventiewerker ${i + 1}`, ['preventionWorker'])),
  ];
  for (let i = 0; i < pupils; i++) {
    const className = classes[i % classes.length];
    docs.push({
      id: pupilDocId(String(900000 + i)),
      type: 'pupil',
      schoolId: BENCH_SCHOOL,
      pupilNumber: String(900000 + i),
      firstName: FIRST[i % FIRST.length],
      lastNamePrefix: PREFIX[i % PREFIX.length] || undefined,
      lastName: `${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= 400 ? '-' + LAST[(i * 7) % LAST.length] : ''}`,
      classId: classId(className),
      className,
      mentorId: i % classes.length < 4 ? BENCH_TEACHER.userId : undefined,
    });
  }
  for (let i = 0; i < docs.length; i += 100) {
    const res = await roster.writeBatch(
      BENCH_SCHOOL,
      docs.slice(i, i + 100).map((doc) => ({ op: 'replace' as const, doc })),
    );
    if (res !== 'ok') throw new Error('bench seed: roster batch refused');
  }
  repos.directory.invalidatePupils(BENCH_SCHOOL);
}

/** `n` prevention workers of one school, each with a personal conversation reference at `serviceUrl`. */
export async function seedFanoutSchool(
  repos: Repositories,
  n: number,
  serviceUrl: string,
  now: Date,
): Promise<string[]> {
  await repos.directory.saveSchool(school(FANOUT_SCHOOL, 'Bench Fan-out College'));
  const ids = Array.from({ length: n }, (_, i) => `f0000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  const roster = RosterRepository.on(repos.cosmos);
  for (let i = 0; i < ids.length; i += 100) {
    await roster.writeBatch(
      FANOUT_SCHOOL,
      ids.slice(i, i + 100).map((id, j) => ({
        op: 'replace' as const,
        doc: staff(FANOUT_SCHOOL, id, `Preventiewerker ${i + j + 1}`, ['preventionWorker']),
      })),
    );
  }
  for (const id of ids) {
    await repos.directory.saveConversation(
      FANOUT_SCHOOL,
      id,
      {
        serviceUrl,
        channelId: 'msteams',
        conversation: { id: `a:fanout-${id}`, conversationType: 'personal', tenantId: BENCH_TENANT },
        bot: { id: '28:waakvlam-bot', name: 'Waakvlam' },
        user: { id: `29:${id}`, aadObjectId: id },
      },
      now,
    );
  }
  return ids;
}

/** A closed signal document as the lifecycle leaves it (history school, for cost-in-history measurements). */
export function closedSignalDoc(i: number, now: Date, state: SignalDoc['state'] = 'closed'): SignalDoc {
  const at = new Date(now.getTime() - (20_000 - i) * 60_000).toISOString();
  return {
    id: `signal:history-${state}-${i}`,
    type: 'signal',
    schoolId: HISTORY_SCHOOL,
    reference: `S-2025-${String(i).padStart(5, '0')}`,
    pupilId: pupilDocId(String(800000 + (i % 500))),
    reporterId: BENCH_TEACHER.userId,
    categories: ['gedrag'],
    reporterLevel: 2,
    observation: 'Bench: gesloten signaal.',
    alreadyKnown: { pupil: false, parents: false, mentor: false },
    urgency: 'normal',
    state,
    ownerId: BENCH_WORKERS[0],
    createdAt: at,
    updatedAt: at,
    lastChangeBy: BENCH_WORKERS[0],
    ...(state === 'closed' ? { outcome: 'resolved' as const, closedAt: at } : {}),
    questions: [],
    history: [{ at, actorId: BENCH_TEACHER.userId, action: 'create', toState: 'new', visibility: 'all' }],
  };
}
