import { schoolDigest, toDigestSignal, type SchoolDigest } from '../../domain/digest';
import type { Signal } from '../../domain/signal';
import type { DirectoryPort } from '../core/ports';
import type { DigestPorts, DigestSchool } from './digest-ports';

export interface GatheredDigest {
  digest: SchoolDigest;
  /** The open signals read (the personal digest looks up the pupils behind flagged items). */
  open: Signal[];
  workerNames: Record<string, string>;
  /** Documents each query returned, for cost checks. */
  read: { open: number; closedSince: number; roundPages: number };
}

/**
 * Reads what one school's digest counts and computes it: the open signals, the closed ones
 * created since `since`, and the current and previous round. Never the whole history.
 */
export async function gatherDigest(
  ports: DigestPorts,
  directory: Pick<DirectoryPort, 'listStaff'>,
  school: DigestSchool,
  since: Date,
  now: Date,
): Promise<GatheredDigest> {
  const [open, closedSince, rounds] = await Promise.all([
    ports.store.listOpen(school.schoolId),
    ports.store.listClosedCreatedSince(school.schoolId, since),
    ports.rounds.figures(school.schoolId, now),
  ]);
  const roundData = rounds === 'no-round-data' ? undefined : rounds;
  const digest = schoolDigest({
    now,
    since,
    signals: [...open, ...closedSince].map(toDigestSignal),
    holidays: school.holidays,
    limits: school.limits,
    ...(roundData ? { roundPages: roundData.pages } : {}),
    ...(roundData?.distribution ? { distribution: roundData.distribution } : {}),
  });
  const workerNames: Record<string, string> = {};
  if (digest.rounds?.perWorker.length) {
    const staff = await directory.listStaff(school.schoolId);
    for (const w of digest.rounds.perWorker)
      workerNames[w.workerId] = staff.find((s) => s.userId === w.workerId)?.displayName ?? '';
  }
  return {
    digest,
    open,
    workerNames,
    read: { open: open.length, closedSince: closedSince.length, roundPages: roundData?.pages.length ?? 0 },
  };
}
