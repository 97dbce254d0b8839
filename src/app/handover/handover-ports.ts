import type { NotificationKind } from '../core/notification-kinds';
import type { AppPorts, AuditEntry, OutboxPort, StaffRecord, Versioned } from '../core/ports';

/** Notification kinds of absence and handover (issue 16). */
export const HANDOVER_NOTIFY = {
  /** she hears her absence is set; her duo partners hear they stand in (or that she is back) */
  absenceNotice: 'absenceNotice',
  /** the reporter hears who the casushouder of her signal is after a handover */
  handoverNotice: 'handoverNotice',
} as const satisfies Record<string, NotificationKind>;

/** What an absence notice says: her own confirmation, the partner's "she is away", or "she is back". */
export const ABSENCE_NOTICE_ROLES = ['self', 'partner', 'partnerBack'] as const;
export type AbsenceNoticeRole = (typeof ABSENCE_NOTICE_ROLES)[number];

/** A staff document as stored: the record plus its id. */
export type StaffRecordDoc = StaffRecord & { id: string; type: 'staff' };

/** ETag-guarded reads and writes of one staff record (her absence lives on it). */
export interface StaffLeavePort {
  getStaff(schoolId: string, userId: string): Promise<Versioned<StaffRecordDoc> | undefined>;
  replaceStaff(doc: StaffRecordDoc, etag: string): Promise<'ok' | 'conflict'>;
}

/** An audit entry of this feature: a leave's change (old → new last day) or a handover's reason. */
export type HandoverAuditEntry = AuditEntry & {
  changes?: { field: string; from: string; to: string }[];
  reason?: string;
};

export interface HandoverDeps {
  ports: AppPorts;
  staff: StaffLeavePort;
  outbox: Pick<OutboxPort, 'enqueue'>;
  audit: { record(entry: HandoverAuditEntry): Promise<void> };
}

export const LEAVE_AUDIT_ACTION = 'staff.leave';
export const HANDOVER_AUDIT_ACTION = 'signal.handover';
