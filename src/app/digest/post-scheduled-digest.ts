import { digestDue } from '../../domain/digest-schedule';
import type { DirectoryPort, OutboxMessage } from '../core/ports';
import type { NotificationKind } from '../core/notification-kinds';
import type { DigestPorts, DigestSchool, DigestSnapshot, DigestState } from './digest-ports';
import { gatherDigest } from './gather-digest';

/** The outbox kind the bot renders as the channel digest card. */
export const DIGEST_NOTIFY = { channelDigest: 'digest.channel' } as const satisfies Record<string, NotificationKind>;

export type ScheduledOutcome =
  | { kind: 'none' }
  | { kind: 'baseline' }
  | { kind: 'posted'; slotKey: string; slotsCovered: number; late: boolean }
  | { kind: 'already-posted'; slotKey: string }
  | { kind: 'conflict' };

export const digestSnapshotId = (slotKey: string) => `digest:${slotKey}`;

export function channelDigestMessage(schoolId: string, snapshotId: string): OutboxMessage {
  return {
    key: `${schoolId}:${snapshotId}`,
    target: { kind: 'channel', channel: 'coordinators' },
    payload: { kind: DIGEST_NOTIFY.channelDigest, params: { snapshotId } },
  };
}

/**
 * The weekly digest of one school (S8), posted once per slot: the snapshot's id is the school's
 * slot, written in one transactional batch with its outbox message and the new state, so two
 * instances (or a retry after a crash) cannot post it twice. Slots missed while the bot was down
 * become one digest over the whole period, posted at the first run after the restart.
 */
export async function postScheduledDigest(
  ports: DigestPorts,
  directory: Pick<DirectoryPort, 'listStaff'>,
  school: DigestSchool,
  now: Date,
): Promise<ScheduledOutcome> {
  const current = await ports.store.getState(school.schoolId);
  const due = digestDue(now, school.digest, current?.state);
  if (due.kind === 'none') return { kind: 'none' };
  const state: DigestState = { lastSlot: due.slot.key, coveredUntil: now.toISOString(), postedAt: now.toISOString() };
  if (due.kind === 'baseline') {
    await ports.store.saveBaseline(school.schoolId, { ...state, baseline: true });
    return { kind: 'baseline' };
  }
  const gathered = await gatherDigest(ports, directory, school, due.since, now);
  const snapshot: DigestSnapshot = {
    snapshotId: digestSnapshotId(due.slot.key),
    schoolId: school.schoolId,
    schoolName: school.name,
    slotKey: due.slot.key,
    since: due.since.toISOString(),
    until: now.toISOString(),
    slotsCovered: due.slotsCovered,
    late: due.late,
    digest: gathered.digest,
    workerNames: gathered.workerNames,
  };
  const outcome = await ports.store.recordScheduled(
    snapshot,
    channelDigestMessage(school.schoolId, snapshot.snapshotId),
    state,
    current!.etag,
    now,
  );
  if (outcome === 'ok')
    return { kind: 'posted', slotKey: due.slot.key, slotsCovered: due.slotsCovered, late: due.late };
  if (outcome === 'already-posted') return { kind: 'already-posted', slotKey: due.slot.key };
  return { kind: 'conflict' };
}
