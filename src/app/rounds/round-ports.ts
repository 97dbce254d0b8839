import type { Level } from '../../domain/signal';
import type { OutboxMessage } from '../core/ports';

/**
 * What the 1-2-3 round (S7) needs from the store. `RoundRepository` in `src/store` satisfies it.
 * A round record exists from the moment the round opened; a page record once a page was saved.
 */
export interface RoundRecord {
  schoolId: string;
  roundId: string;
  roundNo: 1 | 2 | 3 | 4;
  opensOn: string;
  deadline: string;
  status: 'open' | 'closed';
  openedAt: string;
  /** 'scheduler', or the user id of whoever opened it early with `/ronde open` */
  openedBy: string;
  closedAt?: string;
  /** opened by a catch-up after its deadline had passed: closed at once, no forms sent */
  missed?: boolean;
}

export interface PupilScore {
  pupilId: string;
  level: Level;
  note?: string;
}

export interface RoundPageRecord {
  schoolId: string;
  roundId: string;
  classId: string;
  className: string;
  page: number;
  savedBy: string;
  savedAt: string;
  late: boolean;
  scores: PupilScore[];
}

export interface ScoreRecord {
  schoolId: string;
  roundId: string;
  pupilId: string;
  classId: string;
  level: Level;
  savedAt: string;
}

export interface RoundPort {
  getRound(schoolId: string, roundId: string): Promise<{ doc: RoundRecord; etag: string } | undefined>;
  /** The school's rounds, newest first (at most `limit`). */
  listRounds(schoolId: string, limit: number): Promise<RoundRecord[]>;
  /** Creates the round and its messages (chunked beyond one batch); 'exists' when it was already there. */
  openRound(round: RoundRecord, messages: OutboxMessage[], now: Date): Promise<'created' | 'exists'>;
  /** ETag-guarded status change, with messages in the same batch. */
  updateRound(round: RoundRecord, etag: string, messages: OutboxMessage[], now: Date): Promise<'ok' | 'conflict'>;
  getPage(
    schoolId: string,
    roundId: string,
    classId: string,
    page: number,
  ): Promise<{ doc: RoundPageRecord; etag: string } | undefined>;
  listPages(schoolId: string, roundId: string): Promise<RoundPageRecord[]>;
  /**
   * Writes a page and its per-pupil score docs in one transactional batch; guarded by the ETag
   * of the page version it was decided on (none: the page must not exist yet).
   */
  savePage(page: RoundPageRecord, etag: string | undefined): Promise<'ok' | 'conflict'>;
  /** Scores of the given rounds, for the given pupils (all pupils when omitted). */
  scoresOf(schoolId: string, roundIds: string[], pupilIds?: string[]): Promise<ScoreRecord[]>;
  /** For display only (a card's trend): the latest round, possibly a few seconds old. */
  latestRoundForDisplay(schoolId: string): Promise<RoundRecord | undefined>;
  /** For display only: one pupil's scores of the given rounds, possibly a few seconds old. */
  scoresOfPupilForDisplay(schoolId: string, roundIds: string[], pupilId: string): Promise<ScoreRecord[]>;
}
