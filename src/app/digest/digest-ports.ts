import type { SchoolDigest, LevelCounts } from '../../domain/digest';
import type { DigestMark, DigestSchedule } from '../../domain/digest-schedule';
import type { ProgressPage } from '../../domain/round-scores';
import type { Signal } from '../../domain/signal';
import type { OutboxMessage } from '../core/ports';

/** What a digest needs to know about a school (the directory's school document has more). */
export interface DigestSchool {
  schoolId: string;
  name: string;
  region: string;
  /** The school's closed days (schoolClosedDays: region holidays and its own). */
  holidays: readonly string[];
  limits: { unclaimedSchoolDays: number; escalationUnclaimedSchoolDays: number };
  digest: DigestSchedule;
}

/** The digest's state per school: the last slot posted (an ETag guards it). */
export interface DigestState extends DigestMark {
  postedAt: string;
  /** Set by the first run for a school: counting started, no digest was posted yet. */
  baseline?: boolean;
}

/** A computed digest kept as posted (counts and references only, never names), so a message parked until the channel is linked still shows its own period. */
export interface DigestSnapshot {
  snapshotId: string;
  schoolId: string;
  schoolName: string;
  /** The slot this stands for, or 'manual-…' for one posted on demand. */
  slotKey: string;
  since: string;
  until: string;
  slotsCovered: number;
  late: boolean;
  digest: SchoolDigest;
  /** Display names of the prevention workers in the round figures (staff, not pupils). */
  workerNames: Record<string, string>;
}

export type RecordDigestOutcome = 'ok' | 'already-posted' | 'conflict';

/**
 * The store behind digests. Its queries touch open signals and those created since a date,
 * never the closed history (S12).
 */
export interface DigestStorePort {
  listSchools(): Promise<DigestSchool[]>;
  getSchool(schoolId: string): Promise<DigestSchool | undefined>;
  /** Open signals: the working set. */
  listOpen(schoolId: string): Promise<Signal[]>;
  /** Closed signals created at or after `since` (the open ones come from listOpen). */
  listClosedCreatedSince(schoolId: string, since: Date): Promise<Signal[]>;
  getState(schoolId: string): Promise<{ state: DigestState; etag: string } | undefined>;
  /** Starts the count for a school that never had a digest; false when another instance did. */
  saveBaseline(schoolId: string, state: DigestState): Promise<boolean>;
  /**
   * All or nothing: the snapshot (its id is the once-key of the school's slot), the outbox
   * message that posts it, and the new state guarded by `stateEtag`.
   */
  recordScheduled(
    snapshot: DigestSnapshot,
    message: OutboxMessage,
    state: DigestState,
    stateEtag: string,
    now: Date,
  ): Promise<RecordDigestOutcome>;
  /** A digest posted on demand (`/overzicht kanaal`): snapshot and message, state untouched. */
  recordManual(snapshot: DigestSnapshot, message: OutboxMessage, now: Date): Promise<RecordDigestOutcome>;
  getSnapshot(schoolId: string, snapshotId: string): Promise<DigestSnapshot | undefined>;
}

/** Round completion and 1-2-3 distribution of the current (or last) and previous round. */
export interface RoundFigures {
  pages: ProgressPage[];
  distribution?: { current: LevelCounts; previous?: LevelCounts };
}

/**
 * The rounds capability answers this; until its store exists the digest shows 'no round data'.
 * Reads only the current and previous round.
 */
export interface RoundFiguresPort {
  figures(schoolId: string, now: Date): Promise<RoundFigures | 'no-round-data'>;
}

export const NO_ROUND_DATA: RoundFiguresPort = { figures: async () => 'no-round-data' };

export interface DigestPorts {
  store: DigestStorePort;
  rounds: RoundFiguresPort;
}
