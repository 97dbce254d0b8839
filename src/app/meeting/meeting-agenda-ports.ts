import type { DigestStorePort } from '../digest/digest-ports';
import type { PrivacyPort } from '../privacy/privacy-ports';
import type { RoundPort } from '../rounds/round-ports';

/**
 * What the bespreeklijst reads: the digest's queries (the open signals, the closed ones created
 * since a date: bounded by what is current, not by history), the last round's scores, and the
 * one-time download links of the inzage export.
 */
export interface MeetingAgendaPorts {
  store: Pick<DigestStorePort, 'getSchool' | 'listOpen' | 'listClosedCreatedSince'>;
  /** absent: no round data, the section "score 3 without an open signal" stays empty */
  rounds?: Pick<RoundPort, 'listRounds' | 'scoresOf'>;
  /** absent: no PDF download link */
  grants?: Pick<PrivacyPort, 'createExportGrant'>;
}
