import type { OpenItem, SchoolDigest } from '../../domain/digest';
import { regionDigest, type RegionDigest } from '../../domain/region-digest';
import type { Person } from '../core/actors';
import type { AppPorts, PupilRecord } from '../core/ports';
import type { DigestPorts, DigestSchool, DigestSnapshot } from './digest-ports';
import { gatherDigest } from './gather-digest';
import { channelDigestMessage } from './post-scheduled-digest';

/** An on-demand digest counts from the end of the last weekly one; a school without one, a week back. */
const WEEK_MS = 7 * 86_400_000;
/** At most this many flagged items carry a name in the personal digest (card size, and what a person reads). */
export const MAX_NAMED_ITEMS = 15;

export type DigestRefusal = 'digest-not-coordinator' | 'digest-not-project-lead' | 'digest-no-school';

const rolesOf = (person: Person) => [...new Set(person.actors.flatMap((a) => a.roles))];

async function sinceFor(ports: DigestPorts, schoolId: string, now: Date): Promise<Date> {
  const state = await ports.store.getState(schoolId);
  return state && !state.state.baseline ? new Date(state.state.coveredUntil) : new Date(now.getTime() - WEEK_MS);
}

async function refuse<C extends DigestRefusal>(
  app: AppPorts,
  person: Person,
  action: string,
  code: C,
  correlationId?: string,
): Promise<{ ok: false; code: C }> {
  await app.audit.record({
    schoolId: person.actors[0]?.schoolId ?? '_none',
    actorId: person.userId || 'unknown',
    actorRoles: rolesOf(person),
    action,
    outcome: 'refused',
    code,
    correlationId,
  });
  return { ok: false, code };
}

export interface NamedItem {
  item: OpenItem;
  pupil?: Pick<PupilRecord, 'firstName' | 'lastNamePrefix' | 'lastName' | 'className'>;
}
export interface PersonalDigest {
  school: DigestSchool;
  digest: SchoolDigest;
  since: string;
  until: string;
  workerNames: Record<string, string>;
  /** Flagged (overdue) items, oldest first, with the pupil behind each. */
  named: NamedItem[];
  moreFlagged: number;
}

/**
 * `/overzicht` in a coordinator's personal chat: per school where the person is coordinator, the
 * digest plus the names behind the flagged items. Every name shown is an audited read.
 */
export async function personalDigests(
  app: AppPorts,
  ports: DigestPorts,
  person: Person,
  correlationId?: string,
): Promise<{ ok: true; digests: PersonalDigest[] } | { ok: false; code: 'digest-not-coordinator' }> {
  const schools = person.actors.filter((a) => a.roles.includes('coordinator'));
  if (schools.length === 0) return refuse(app, person, 'digest.view', 'digest-not-coordinator', correlationId);
  const now = app.clock.now();
  const digests: PersonalDigest[] = [];
  for (const actor of schools) {
    const school = await ports.store.getSchool(actor.schoolId);
    if (!school) continue;
    const since = await sinceFor(ports, school.schoolId, now);
    const g = await gatherDigest(ports, app.directory, school, since, now);
    const flagged = g.digest.open.items.filter((i) => i.overdue);
    const shown = flagged.slice(0, MAX_NAMED_ITEMS);
    const pupilOf = new Map(g.open.map((s) => [s.id, s.pupilId]));
    const named: NamedItem[] = [];
    for (const item of shown) {
      const pupilId = pupilOf.get(item.signalId);
      const pupil = pupilId ? await app.directory.getPupil(school.schoolId, pupilId) : undefined;
      named.push({ item, ...(pupil ? { pupil } : {}) });
      await app.audit.record({
        schoolId: school.schoolId,
        actorId: actor.userId,
        actorRoles: [...actor.roles],
        action: 'digest.view',
        correlationId,
        outcome: 'ok',
        signalId: item.signalId,
        ...(pupilId ? { pupilId } : {}),
      });
    }
    if (shown.length === 0)
      await app.audit.record({
        schoolId: school.schoolId,
        actorId: actor.userId,
        actorRoles: [...actor.roles],
        action: 'digest.view',
        correlationId,
        outcome: 'ok',
      });
    digests.push({
      school,
      digest: g.digest,
      since: since.toISOString(),
      until: now.toISOString(),
      workerNames: g.workerNames,
      named,
      moreFlagged: flagged.length - shown.length,
    });
  }
  return { ok: true, digests };
}

/**
 * `/overzicht kanaal`: the coordinator posts the channel digest now (e.g. to try it in the
 * Playground). Counts only; the weekly schedule is not moved.
 */
export async function postChannelDigestNow(
  app: AppPorts,
  ports: DigestPorts,
  person: Person,
  correlationId?: string,
): Promise<
  | { ok: true; posted: Array<{ schoolId: string; schoolName: string; channelLinked: boolean }> }
  | { ok: false; code: 'digest-not-coordinator' }
> {
  const schools = person.actors.filter((a) => a.roles.includes('coordinator'));
  if (schools.length === 0) return refuse(app, person, 'digest.post', 'digest-not-coordinator', correlationId);
  const now = app.clock.now();
  const posted: Array<{ schoolId: string; schoolName: string; channelLinked: boolean }> = [];
  for (const actor of schools) {
    const school = await ports.store.getSchool(actor.schoolId);
    if (!school) continue;
    const since = await sinceFor(ports, school.schoolId, now);
    const g = await gatherDigest(ports, app.directory, school, since, now);
    const snapshotId = `digest:manual-${now.toISOString().replace(/[^0-9]/g, '')}-${actor.userId.slice(0, 36)}`;
    const snapshot: DigestSnapshot = {
      snapshotId,
      schoolId: school.schoolId,
      schoolName: school.name,
      slotKey: snapshotId.slice('digest:'.length),
      since: since.toISOString(),
      until: now.toISOString(),
      slotsCovered: 0,
      late: false,
      digest: g.digest,
      workerNames: g.workerNames,
    };
    await ports.store.recordManual(snapshot, channelDigestMessage(school.schoolId, snapshotId), now);
    await app.audit.record({
      schoolId: school.schoolId,
      actorId: actor.userId,
      actorRoles: [...actor.roles],
      action: 'digest.post',
      correlationId,
      outcome: 'ok',
      subject: snapshotId,
    });
    const linked = !!(await app.directory.getSchool(school.schoolId))?.doc.channels?.coordinators;
    posted.push({ schoolId: school.schoolId, schoolName: school.name, channelLinked: linked });
  }
  return { ok: true, posted };
}

/**
 * `/overzicht regio` for the project lead: the schools of the lead's region(s), counts only,
 * small numbers suppressed (domain `regionDigest`). The region comes from the schools where
 * the person holds the projectLead role, never from what they type.
 */
export async function regionDigestFor(
  app: AppPorts,
  ports: DigestPorts,
  person: Person,
  correlationId?: string,
): Promise<
  | { ok: true; regions: Array<{ region: string; digest: RegionDigest }> }
  | { ok: false; code: 'digest-not-project-lead' | 'digest-no-school' }
> {
  const leadAt = person.actors.filter((a) => a.roles.includes('projectLead'));
  if (leadAt.length === 0) return refuse(app, person, 'digest.region', 'digest-not-project-lead', correlationId);
  const now = app.clock.now();
  const all = await ports.store.listSchools();
  const regions = [
    ...new Set(leadAt.map((a) => all.find((s) => s.schoolId === a.schoolId)?.region).filter((r): r is string => !!r)),
  ].sort();
  if (regions.length === 0) return refuse(app, person, 'digest.region', 'digest-no-school', correlationId);
  const out: Array<{ region: string; digest: RegionDigest }> = [];
  for (const region of regions) {
    const schools = all.filter((s) => s.region === region);
    const figures = [];
    for (const school of schools) {
      const since = new Date(now.getTime() - WEEK_MS);
      const g = await gatherDigest(ports, app.directory, school, since, now);
      figures.push({ schoolId: school.schoolId, schoolName: school.name, digest: g.digest });
    }
    out.push({ region, digest: regionDigest(figures, now) });
  }
  await app.audit.record({
    schoolId: leadAt[0].schoolId,
    actorId: person.userId,
    actorRoles: rolesOf(person),
    action: 'digest.region',
    correlationId,
    outcome: 'ok',
    subject: regions.join(',').slice(0, 120),
  });
  return { ok: true, regions: out };
}
