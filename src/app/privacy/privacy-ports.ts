/**
 * What the privacy use cases (audit trail, inzage, vergetelheid, retention) need from the store.
 * These are the only operations in the bot that delete pupil data or audit entries: the audit
 * log is append-only for everything else; retention and erasure are the policy's exceptions.
 */
import type { Signal } from '../../domain/signal';
import type { AuditEntry, OutboxMessage, OutboxTarget } from '../core/ports';
import type { NotificationKind } from '../core/notification-kinds';

export interface AuditRecord extends AuditEntry {
  id: string;
  at: string;
}

/** A delivered copy of one of the bot's Teams messages (to update it in place). */
export interface DeliveryRecord {
  id: string;
  subjectId: string;
  target: OutboxTarget;
  conversationId: string;
  activityId: string;
  at: string;
}

/**
 * A round score document as the rounds capability stores it. Its shape is not fixed here: a doc
 * with a top-level `pupilId` (type 'score', 'roundScore'…) belongs to one pupil; a 'roundPage' doc
 * may hold entries of several pupils (an array or a map keyed by pupil id).
 */
export type ScoreDocument = { id: string; type: string; schoolId: string } & Record<string, unknown>;

/** A one-time download of a pupil's inzage export, bound to the coordinator who asked. */
export interface PupilExportGrant {
  kind: 'pupilExport';
  schoolId: string;
  pupilId: string;
  coordinatorId: string;
  expiresAt: string;
}
/** A one-time download of a school's bespreeklijst, bound to the prevention worker or coordinator who asked. */
export interface MeetingAgendaGrant {
  kind: 'meetingAgenda';
  schoolId: string;
  requesterId: string;
  expiresAt: string;
}
/** What a one-time download link (GET /export/<token>) stands for; rendered from current state when redeemed. */
export type ExportGrant = PupilExportGrant | MeetingAgendaGrant;

export interface PrivacyPort {
  signalsOfPupil(schoolId: string, pupilId: string): Promise<Signal[]>;
  /** closed signals whose closedAt lies before the cutoff */
  closedSignalsBefore(schoolId: string, cutoffIso: string): Promise<Signal[]>;
  /** every delivered Teams copy of messages about this signal (its card, escalation posts…) */
  deliveriesAbout(schoolId: string, signalId: string): Promise<DeliveryRecord[]>;
  /**
   * Removes a signal with its outbox messages and delivery records, and in the same step queues
   * the neutral updates of the Teams copies (deterministic keys: a second run writes nothing new).
   * Returns how many documents went.
   */
  removeSignal(
    schoolId: string,
    signalId: string,
    neutralUpdates: OutboxMessage[],
    now: Date,
  ): Promise<{ outbox: number; deliveries: number; signal: boolean }>;
  scoreDocsOfPupil(schoolId: string, pupilId: string): Promise<ScoreDocument[]>;
  /** deletes the pupil's own score docs and removes the pupil's entries from shared pages */
  removeScoresOfPupil(schoolId: string, pupilId: string): Promise<number>;
  /** entries naming the pupil, or one of the given signals */
  auditAbout(schoolId: string, pupilId: string, signalIds: string[]): Promise<AuditRecord[]>;
  auditBefore(schoolId: string, cutoffIso: string, keepActions: string[]): Promise<AuditRecord[]>;
  removeAuditEntries(schoolId: string, ids: string[]): Promise<number>;
  removePupil(schoolId: string, pupilId: string): Promise<boolean>;
  /** a one-time download token (a pupil's export, a bespreeklijst), bound to the person who asked */
  createExportGrant(grant: ExportGrant, now: Date): Promise<string>;
  /** redeems a token once; undefined when unknown, used or expired */
  redeemExportGrant(token: string, now: Date): Promise<ExportGrant | undefined>;
  removeExportGrants(schoolId: string, pupilId: string | undefined, expiredBeforeIso?: string): Promise<number>;
  /** deletes the posted digests (counts and signal references) whose period ended before the cutoff */
  removeDigestSnapshotsBefore(schoolId: string, cutoffIso: string): Promise<number>;
}

/** Kinds of the outbox messages the privacy use cases queue. */
export const PRIVACY_NOTIFY = {
  /** replaces a Teams copy of a purged or erased signal by a neutral text */
  messageRemoved: 'privacy.messageRemoved',
} as const satisfies Record<string, NotificationKind>;

/** Audit actions of this capability (Dutch labels live in the bot's privacy texts). */
export const PRIVACY_ACTIONS = {
  pupilList: 'pupil.list',
  pupilSearch: 'pupil.search',
  auditTrail: 'pupil.auditTrail',
  exportRequest: 'pupil.export',
  exportDownload: 'pupil.export.download',
  erasePreview: 'pupil.erase.preview',
  erase: 'pupil.erase',
  retentionPurge: 'retention.purge',
} as const;

/** Audit entries that outlive the audit retention: the record that data was removed. */
export const KEPT_AUDIT_ACTIONS: string[] = [PRIVACY_ACTIONS.retentionPurge, PRIVACY_ACTIONS.erase];
