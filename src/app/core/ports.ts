/**
 * What the use cases need from the outside world. The Cosmos repositories in `src/store`
 * satisfy these interfaces; the use cases never see Cosmos, botbuilder or teams-ai.
 */
import type { Clock } from '../../domain/clock';
import type { Role } from '../../domain/roles';
import type { HolidayRegion } from '../../domain/school-holidays-nl';
import type { Signal } from '../../domain/signal';
import type { StaffLeave } from '../../domain/staff-leave';
import type { NotificationKind } from './notification-kinds';

export interface Versioned<T> {
  doc: T;
  etag: string;
}

export interface SchoolRecord {
  schoolId: string;
  name: string;
  region: string;
  tenantId: string;
  roleLabels: Record<string, string>;
  /** urgentUnclaimedWorkingHours (issue 16): absent in records written before it, then the default */
  limits: { unclaimedSchoolDays: number; escalationUnclaimedSchoolDays: number; urgentUnclaimedWorkingHours?: number };
  notifyAttendanceOfficer: boolean;
  /** The pupil's mentor follows the status of signals about her mentor group; absent means yes. */
  mentorFollowsSignals?: boolean;
  channelPostDetail: 'minimal' | 'initialsAndClass';
  holidays: string[];
  holidayRegion?: HolidayRegion;
  closedDays?: string[];
  channels: { ot?: unknown; coordinators?: unknown };
}

export interface StaffRecord {
  schoolId: string;
  userId: string;
  upn?: string;
  displayName: string;
  roles: Role[];
  classIds: string[];
  leftAt?: string;
  /** away up to and including `leave.until` (issue 16) */
  leave?: StaffLeave;
}

export interface PupilRecord {
  id: string;
  schoolId: string;
  pupilNumber: string;
  firstName: string;
  lastNamePrefix?: string;
  lastName: string;
  classId: string;
  className: string;
  mentorId?: string;
  leftAt?: string;
}

export type OutboxTarget = { kind: 'user'; userId: string } | { kind: 'channel'; channel: 'ot' | 'coordinators' };
export interface OutboxMessage {
  /** deterministic: the same decision always yields the same key, so a retry writes nothing new */
  key: string;
  target: OutboxTarget;
  payload: {
    kind: NotificationKind;
    signalId?: string;
    updateOf?: string;
    params: Record<string, string | number | boolean>;
  };
  dueAt?: string;
}

export interface DirectoryPort {
  getSchool(schoolId: string): Promise<{ doc: SchoolRecord; etag: string } | undefined>;
  /** ETag-guarded write of a school read with getSchool (e.g. a linked channel, S2). */
  saveSchool(doc: SchoolRecord, etag: string): Promise<'ok' | 'conflict'>;
  /** A school's settings as read at most a few seconds ago (cached): for reading, never for an ETag-guarded write. */
  schoolSettings(schoolId: string): Promise<SchoolRecord | undefined>;
  findStaffByUser(userId: string): Promise<StaffRecord[]>;
  listStaff(schoolId: string): Promise<StaffRecord[]>;
  getPupil(schoolId: string, id: string): Promise<PupilRecord | undefined>;
  listPupils(schoolId: string): Promise<PupilRecord[]>;
}

export interface SignalPort {
  get(schoolId: string, signalId: string): Promise<Versioned<Signal> | undefined>;
  create(
    schoolId: string,
    submissionId: string,
    year: number,
    build: (id: string, seq: number) => { signal: Signal; messages: OutboxMessage[] },
    now: Date,
  ): Promise<{ status: 'created'; signal: Signal } | { status: 'duplicate'; existing: Versioned<Signal> }>;
  update(signal: Signal, etag: string, messages: OutboxMessage[], now: Date): Promise<'ok' | 'conflict'>;
  listByReporter(schoolId: string, reporterId: string): Promise<Signal[]>;
  listOpen(schoolId: string): Promise<Signal[]>;
  /** Every signal about one pupil, open and closed, newest first (one partition; no GROUP BY or OFFSET). */
  listByPupil(schoolId: string, pupilId: string): Promise<Signal[]>;
  /** Every signal, open and closed, about any of these pupils of one school, newest first. */
  listByPupils(schoolId: string, pupilIds: readonly string[]): Promise<Signal[]>;
}

/** One audit entry as a use case writes it (who, role, what, which pupil/signal, outcome). */
export interface AuditEntry {
  schoolId: string;
  actorId: string;
  actorRoles: string[];
  action: string;
  outcome: 'ok' | 'refused' | 'failed';
  code?: string;
  pupilId?: string;
  signalId?: string;
  subject?: string;
  correlationId?: string;
}

export interface AuditPort {
  record(entry: AuditEntry): Promise<void>;
  /**
   * Records `entry` (with its `signalId`) unless an entry of the same action, signal and outcome
   * exists: for a change a turn made whose own entry failed, found again by the client's retry.
   * Two such tries at once still write one entry.
   */
  recordOnce(entry: AuditEntry & { signalId: string }): Promise<void>;
}

export interface AppPorts {
  clock: Clock;
  directory: DirectoryPort;
  signals: SignalPort;
  audit: AuditPort;
}

export interface ConversationPort {
  saveConversation(schoolId: string, userId: string, reference: StoredReference, now: Date): Promise<void>;
  getConversation(schoolId: string, userId: string): Promise<{ reference: StoredReference } | undefined>;
  /**
   * Kept by the wiring, in memory, per `${schoolId}|${userId}`: the reference this process last
   * found stored (or saved) for the person, and when, once it released their waiting messages.
   * A later turn with the same reference skips both the release query and, for a while
   * (CONFIRMED_REFERENCE_MS), the read of the stored reference.
   */
  confirmedSinceStart?: Map<string, ConfirmedReference>;
}

export interface ConfirmedReference {
  conversationId: string;
  serviceUrl: string;
  atMs: number;
  /** the whole reference as stored: the outbox sends on it while it is trusted, without reading it */
  reference?: StoredReference;
}

/** A Bot Framework conversation reference as stored (opaque to the use cases). */
export type StoredReference = {
  serviceUrl: string;
  channelId: string;
  conversation: { id: string } & Record<string, unknown>;
  bot: { id: string } & Record<string, unknown>;
} & Record<string, unknown>;

export interface OutboxPort {
  releaseWaiting(schoolId: string, target: OutboxTarget, now: Date): Promise<number>;
  /** Messages to `target` waiting out a retry (backoff) become due now: it has a new conversation reference. */
  retryNow?(schoolId: string, target: OutboxTarget, now: Date): Promise<number>;
  enqueue(schoolId: string, messages: OutboxMessage[], now: Date): Promise<void>;
}

/** What became of one outbox message's delivery attempt (the sender answers, the outbox settles it). */
export type { DeliveryResult, SendFailure } from '../../domain/outbox-settle';
