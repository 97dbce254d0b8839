import type { Person } from '../core/actors';
import type { AppPorts, OutboxPort, SchoolRecord, StoredReference } from '../core/ports';

/** The school channels a coordinator or admin can link (S2): the OT's and the coordinators'. */
export type ChannelKind = 'ot' | 'coordinators';

export type LinkOutcome =
  | { ok: true; schoolId: string; schoolName: string; released: number }
  | { ok: false; code: 'link-no-role' | 'link-other-tenant' | 'busy' };

/**
 * The reference to store for posting new threads: the channel's conversation id without the
 * ';messageid=' suffix of the thread the command was typed in, and no activity id (with one,
 * a proactive send would become a reply in that thread).
 */
export function channelReference(reference: StoredReference): StoredReference {
  const copy = JSON.parse(JSON.stringify(reference)) as StoredReference;
  copy.conversation = { ...copy.conversation, id: copy.conversation.id.split(';')[0] };
  delete copy.activityId;
  delete copy.user;
  return copy;
}

/** The school whose channel this becomes: one where the person is coordinator or admin; with several, the one already using this team. */
async function schoolFor(
  ports: AppPorts,
  person: Person,
  teamId: string | undefined,
): Promise<{ doc: SchoolRecord; etag: string } | undefined> {
  const ids = person.actors
    .filter((a) => a.roles.includes('coordinator') || a.roles.includes('admin'))
    .map((a) => a.schoolId);
  const schools = (await Promise.all(ids.map((id) => ports.directory.getSchool(id)))).filter(
    (s): s is { doc: SchoolRecord; etag: string } => !!s,
  );
  const teamOf = (s: SchoolRecord) =>
    Object.values(s.channels ?? {}).map((c) => (c as { teamId?: string } | undefined)?.teamId);
  return schools.find((s) => !!teamId && teamOf(s.doc).includes(teamId)) ?? schools[0];
}

/**
 * `/koppel ot` / `/koppel overzicht` typed in a team channel: stores the channel's conversation
 * reference on the school (ETag-guarded), audits, and releases messages that waited for it.
 */
export async function linkChannel(
  ports: AppPorts,
  outbox: OutboxPort,
  person: Person,
  args: {
    channel: ChannelKind;
    teamId?: string;
    channelId: string;
    tenantId?: string;
    reference: StoredReference;
    correlationId?: string;
  },
): Promise<LinkOutcome> {
  const audit = (schoolId: string, outcome: 'ok' | 'refused', code?: string) =>
    ports.audit.record({
      schoolId,
      actorId: person.userId || 'unknown',
      actorRoles: [...new Set(person.actors.flatMap((a) => a.roles))],
      action: 'channel.link',
      outcome,
      code,
      subject: args.channel,
      correlationId: args.correlationId,
    });
  for (let attempt = 0; attempt < 4; attempt++) {
    const school = await schoolFor(ports, person, args.teamId);
    if (!school) {
      await audit(person.actors[0]?.schoolId ?? '_none', 'refused', 'link-no-role');
      return { ok: false, code: 'link-no-role' };
    }
    if (args.tenantId && school.doc.tenantId && args.tenantId !== school.doc.tenantId) {
      await audit(school.doc.schoolId, 'refused', 'link-other-tenant');
      return { ok: false, code: 'link-other-tenant' };
    }
    const now = ports.clock.now();
    const link = {
      reference: channelReference(args.reference),
      ...(args.teamId ? { teamId: args.teamId } : {}),
      channelId: args.channelId,
      linkedBy: person.userId,
      linkedAt: now.toISOString(),
    };
    const doc = { ...school.doc, channels: { ...(school.doc.channels ?? {}), [args.channel]: link } };
    if ((await ports.directory.saveSchool(doc, school.etag)) !== 'ok') continue;
    await audit(doc.schoolId, 'ok');
    const released = await outbox.releaseWaiting(doc.schoolId, { kind: 'channel', channel: args.channel }, now);
    return { ok: true, schoolId: doc.schoolId, schoolName: doc.name, released };
  }
  return { ok: false, code: 'busy' };
}
