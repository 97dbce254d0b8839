import { allowedActions } from '../../domain/signal-lifecycle';
import { localDate } from '../../domain/school-days';
import { SYSTEM_USER_ID, type Actor } from '../../domain/roles';
import type { Signal } from '../../domain/signal';
import type { RoleNames } from '../../domain/role-labels';
import type { PupilRecord, StaffRecord } from '../../app/core/ports';
import { renderCard, type CardJson } from '../core/render-card';
import {
  CATEGORY_LABELS,
  LEVEL_LABELS,
  OUTCOME_LABELS,
  STATE_LABELS,
  T,
  URGENCY_LABELS,
  formatDate,
  formatDateTime,
} from '../core/texts';
import { pupilLabel } from '../core/pupil-label';
import { escalationSection } from '../escalation/escalation-on-signal-card';
import { historyLine } from './signal-handling-history';
import { literal } from '../core/literal-text';
import { HT } from './signal-handling-texts';
import { urgencyBanner } from './urgent-texts';

const STATE_COLORS: Record<string, string> = {
  new: 'Attention',
  claimed: 'Accent',
  inProgress: 'Accent',
  escalated: 'Warning',
  watch: 'Good',
  aftercare: 'Good',
  closed: 'Default',
};

export interface SignalCardContext {
  signal: Signal;
  pupil?: PupilRecord;
  staff: StaffRecord[];
  viewer: Actor;
  now: Date;
  message?: string;
  messageColor?: 'Default' | 'Attention' | 'Good' | 'Warning';
  trend?: string;
  /** notes are shown only to prevention workers, coordinators and (once escalated) the OT */
  showCareNotes: boolean;
  /** the school's name, for a viewer who works at several schools */
  schoolName?: string;
  /** the school's role words */
  names?: RoleNames;
}

const nameOf = (staff: StaffRecord[], userId: string | undefined) =>
  userId === SYSTEM_USER_ID
    ? 'Waakvlam'
    : userId
      ? literal(staff.find((s) => s.userId === userId)?.displayName ?? 'onbekend')
      : '—';

/** The card about one signal, as the viewer may see and act on it, with its current state. */
export function signalCard(ctx: SignalCardContext): CardJson {
  const s = ctx.signal;
  const can = new Set(allowedActions(s, ctx.viewer, ctx.now));
  const history = s.history
    .filter((h) => h.visibility === 'all' || ctx.showCareNotes)
    .slice(-8)
    .map((h) => ({ line: historyLine(h, ctx.staff, ctx.showCareNotes, ctx.names) }));
  const known =
    [
      s.alreadyKnown.pupil && HT.knownPupil,
      s.alreadyKnown.parents && HT.knownParents,
      s.alreadyKnown.mentor && HT.knownMentor,
    ]
      .filter(Boolean)
      .join(', ') || HT.knownNobody;
  const workers = ctx.staff
    .filter((w) => !w.leftAt && w.roles.includes('preventionWorker') && w.userId !== s.ownerId)
    .map((w) => ({ title: w.displayName, value: w.userId }));
  const flags = {
    claim: can.has('claim'),
    score: can.has('score'),
    note: can.has('note'),
    askReporter: can.has('askReporter'),
    setWatch: can.has('setWatch'),
    startAftercare: can.has('startAftercare'),
    escalate: can.has('escalate'),
    close: can.has('close'),
    reassign: can.has('reassign') && workers.length > 0,
    reopen: can.has('reopen'),
    more: false,
  };
  // the question and the close have a panel each (Teams shows at most 5 actions); the rest share 'Meer…'
  flags.more = flags.setWatch || flags.startAftercare || flags.escalate || flags.reassign;
  return renderCard('signal-worker', {
    refresh: s.state !== 'closed',
    signalId: s.id,
    schoolId: s.schoolId,
    version: s.updatedAt,
    title: HT.cardTitle(s.reference, ctx.schoolName),
    stateLabel: STATE_LABELS[s.state] + (s.outcome ? ` — ${OUTCOME_LABELS[s.outcome]}` : ''),
    stateColor: STATE_COLORS[s.state] ?? 'Default',
    // issue 16, point 5: 'vandaag nog' or level 3 stands out at the top while the signal is open
    urgent: urgencyBanner(s),
    message: ctx.message ?? '',
    messageColor: ctx.messageColor ?? 'Default',
    pupil: ctx.pupil ? pupilLabel(ctx.pupil) : HT.pupilGone,
    trend: ctx.trend ?? '—',
    categories: s.categories.map((c) => CATEGORY_LABELS[c] ?? c).join(', '),
    reporterLevel: LEVEL_LABELS[s.reporterLevel],
    // the worker's score is care information, like notes (S4: the reporter hears no levels)
    workerLevel: s.workerLevel && ctx.showCareNotes ? LEVEL_LABELS[s.workerLevel] : '—',
    workerLevelTitle: HT.workerLevelTitle(ctx.names),
    urgency: URGENCY_LABELS[s.urgency],
    reporter: nameOf(ctx.staff, s.reporterId),
    createdAt: formatDateTime(s.createdAt),
    alreadyKnown: known,
    owner: s.ownerId ? nameOf(ctx.staff, s.ownerId) : HT.notClaimedYet,
    watchDate: s.watch ? formatDate(s.watch.checkInDate) : '—',
    observation: literal(s.observation),
    escalation: escalationSection(s, ctx.staff, ctx.showCareNotes, ctx.names),
    history,
    lastChange: T.lastChange(formatDateTime(s.updatedAt), nameOf(ctx.staff, s.lastChangeBy)),
    today: localDate(ctx.now),
    workers,
    can: flags,
  });
}
