import { agendaSince, meetingAgenda, type MeetingAgenda } from '../../domain/meeting-agenda';
import type { Role } from '../../domain/roles';
import type { Level } from '../../domain/signal';
import type { Person } from '../core/actors';
import type { AppPorts, PupilRecord } from '../core/ports';
import type { DigestSchool } from '../digest/digest-ports';
import type { MeetingAgendaGrant } from '../privacy/privacy-ports';
import type { MeetingAgendaPorts } from './meeting-agenda-ports';

/** Who may see the bespreeklijst of a school: its prevention workers and coordinator(s). */
export const AGENDA_ROLES: readonly Role[] = ['preventionWorker', 'coordinator'];
export const MEETING_ACTIONS = { view: 'meeting.agenda', download: 'meeting.agenda.download' } as const;
/** A bespreeklijst download link is valid as long as an inzage link. */
export const AGENDA_GRANT_MINUTES = 10;

export interface SchoolAgenda {
  school: DigestSchool;
  agenda: MeetingAgenda;
  /** the pupils the agenda names (an erased pupil is missing) */
  pupils: Record<string, PupilRecord>;
  /** display names of the school's staff (casushouders) */
  staffNames: Record<string, string>;
  /** the round the section "score 3" comes from */
  round?: { roundId: string; roundNo: number };
  /** a one-time PDF download link for this requester */
  download?: { token: string; expiresAt: string };
}

type Requester = { schoolId: string; userId: string; roles: readonly string[] };

const mayView = (roles: readonly string[]) => AGENDA_ROLES.some((r) => roles.includes(r));

/** The scores of the latest round that has any (an opened round nobody scored yet falls back to the one before). */
async function lastRoundScores(
  ports: MeetingAgendaPorts,
  schoolId: string,
): Promise<{ roundId: string; roundNo: number; scores: Array<{ pupilId: string; level: Level }> } | undefined> {
  if (!ports.rounds) return undefined;
  for (const round of await ports.rounds.listRounds(schoolId, 2)) {
    const scores = await ports.rounds.scoresOf(schoolId, [round.roundId]);
    if (scores.length) return { roundId: round.roundId, roundNo: round.roundNo, scores };
  }
  return undefined;
}

/**
 * One school's agenda for one requester, with the names behind it. Every pupil it names is an
 * audited read (one entry per pupil); an agenda that names nobody is audited once.
 */
async function schoolAgenda(
  app: AppPorts,
  ports: MeetingAgendaPorts,
  who: Requester,
  action: string,
  correlationId?: string,
): Promise<Omit<SchoolAgenda, 'download'> | undefined> {
  const school = await ports.store.getSchool(who.schoolId);
  if (!school) return undefined;
  const now = app.clock.now();
  const since = agendaSince(now);
  const [open, closedSince, round, staff] = await Promise.all([
    ports.store.listOpen(school.schoolId),
    ports.store.listClosedCreatedSince(school.schoolId, since),
    lastRoundScores(ports, school.schoolId),
    app.directory.listStaff(school.schoolId),
  ]);
  const agenda = meetingAgenda({
    now,
    since,
    signals: [...open, ...closedSince],
    holidays: school.holidays,
    limits: school.limits,
    ...(round ? { lastRound: round } : {}),
  });
  const found = await Promise.all(agenda.pupilIds.map((id) => app.directory.getPupil(school.schoolId, id)));
  const pupils: Record<string, PupilRecord> = {};
  for (const p of found) if (p) pupils[p.id] = p;
  const base = {
    schoolId: school.schoolId,
    actorId: who.userId,
    actorRoles: [...who.roles],
    action,
    outcome: 'ok' as const,
  };
  for (const pupilId of agenda.pupilIds) await app.audit.record({ ...base, pupilId, correlationId });
  if (agenda.pupilIds.length === 0) await app.audit.record({ ...base, correlationId });
  return {
    school,
    agenda,
    pupils,
    staffNames: Object.fromEntries(staff.map((s) => [s.userId, s.displayName])),
    ...(round ? { round: { roundId: round.roundId, roundNo: round.roundNo } } : {}),
  };
}

/**
 * `/bespreeklijst`: per school where the person is a prevention worker or coordinator, the agenda
 * of the weekly care overleg and a one-time link to it as a PDF. Anyone else is refused, audited.
 */
export async function meetingAgendasFor(
  app: AppPorts,
  ports: MeetingAgendaPorts,
  person: Person,
  correlationId?: string,
): Promise<{ ok: true; agendas: SchoolAgenda[] } | { ok: false; code: 'agenda-not-allowed' }> {
  const schools = person.actors.filter((a) => mayView(a.roles));
  if (schools.length === 0) {
    await app.audit.record({
      schoolId: person.actors[0]?.schoolId ?? '_none',
      actorId: person.userId || 'unknown',
      actorRoles: [...new Set(person.actors.flatMap((a) => a.roles))],
      action: MEETING_ACTIONS.view,
      outcome: 'refused',
      code: 'agenda-not-allowed',
      correlationId,
    });
    return { ok: false, code: 'agenda-not-allowed' };
  }
  const agendas: SchoolAgenda[] = [];
  for (const actor of schools) {
    const one = await schoolAgenda(app, ports, actor, MEETING_ACTIONS.view, correlationId);
    if (!one) continue;
    const now = app.clock.now();
    const expiresAt = new Date(now.getTime() + AGENDA_GRANT_MINUTES * 60_000).toISOString();
    const grant: MeetingAgendaGrant = {
      kind: 'meetingAgenda',
      schoolId: actor.schoolId,
      requesterId: actor.userId,
      expiresAt,
    };
    const token = ports.grants ? await ports.grants.createExportGrant(grant, now) : undefined;
    agendas.push({ ...one, ...(token ? { download: { token, expiresAt } } : {}) });
  }
  return { ok: true, agendas };
}

/** A redeemed bespreeklijst link: the agenda as it stands now, if the requester still may see it; audited either way. */
export async function meetingAgendaOfGrant(
  app: AppPorts,
  ports: MeetingAgendaPorts,
  grant: MeetingAgendaGrant,
): Promise<{ ok: true; agenda: Omit<SchoolAgenda, 'download'> } | { ok: false; code: 'agenda-not-allowed' }> {
  const staff = (await app.directory.listStaff(grant.schoolId)).find(
    (s) => s.userId === grant.requesterId && !s.leftAt,
  );
  const who = { schoolId: grant.schoolId, userId: grant.requesterId, roles: staff ? [...staff.roles] : [] };
  const agenda =
    staff && mayView(staff.roles) ? await schoolAgenda(app, ports, who, MEETING_ACTIONS.download) : undefined;
  if (agenda) return { ok: true, agenda };
  await app.audit.record({
    schoolId: grant.schoolId,
    actorId: grant.requesterId,
    actorRoles: [...who.roles],
    action: MEETING_ACTIONS.download,
    outcome: 'refused',
    code: 'agenda-not-allowed',
  });
  return { ok: false, code: 'agenda-not-allowed' };
}
