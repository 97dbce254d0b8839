import type { AppPorts, ConversationPort, OutboxPort } from '../../app/core/ports';
import type { RoundPort } from '../../app/rounds/round-ports';
import type { ProcessedActivityPort } from '../../app/core/processed-activity-port';
import type { RecentActivities } from './recent-activities';
import type { StaffBinder } from '../school/staff-binding';
import type { PrivacyPort } from '../../app/privacy/privacy-ports';
import type { DigestPorts } from '../../app/digest/digest-ports';
import type { ShiftableClock } from '../../domain/clock';
import type { SettingsDeps } from '../../app/school/change-school-settings';
import type { HandoverDeps } from '../../app/handover/handover-ports';

/** What the bot layer is handed at wiring time (src/index.ts). */
export interface BotDeps {
  ports: AppPorts;
  conversations: ConversationPort;
  outbox: OutboxPort;
  /** true: the client is the Agents Playground (no Data.Query type-ahead; static choices only) */
  isPlayground: (serviceUrl: string | undefined) => boolean;
  /** wakes the outbox runner after a turn queued messages */
  kickOutbox: () => void;
  /** the 1-2-3 round (S7): rounds, pages, scores */
  rounds?: RoundPort;
  /** at-most-once handling of redelivered messages (src/bot/core/activity-dedupe.ts); absent = no dedupe */
  processedActivities?: ProcessedActivityPort;
  /** messages this process handled recently (redeliveries to the same instance, no store round trip) */
  recentActivities?: RecentActivities;
  /** retention, inzage and vergetelheid (issue 7) */
  privacy?: PrivacyPort;
  /** digests for coordinators and the project lead (S8) */
  digest?: DigestPorts;
  /** demo only (embedded store with demo data): a clock that `/demo tijd` moves forward, and a way to run the jobs at once */
  demo?: { clock: ShiftableClock; runJobsNow: () => Promise<void> };
  /** binds a sender unknown by Entra id to a staff record imported with their UPN/e-mail (issue 14); absent = no binding */
  staffBinding?: StaffBinder;
  /** `/instellingen`: the school settings, read and written by the school's admin (issue 14) */
  schoolSettings?: SettingsDeps;
  /** `/afwezig` and `/overdragen`: staff records ETag-guarded, audit with reasons (issue 16); absent = commands refuse */
  handover?: Pick<HandoverDeps, 'staff' | 'audit'>;
  /** the bot's public base URL, for download links (e.g. the inzage export) */
  publicUrl?: () => string;
}
