import { ESCALATION_REASONS } from '../../app/escalation/escalation-reasons';
import { escalationNumber } from '../../app/escalation/escalation-messages';
import type { PupilRecord, StaffRecord } from '../../app/core/ports';
import { localDate } from '../../domain/school-days';
import { ANSWER_MAX, QUESTION_MAX, allowedActions } from '../../domain/signal-lifecycle';
import { URGENCIES, type Escalation, type Signal } from '../../domain/signal';
import type { Actor } from '../../domain/roles';
import type { RoleNames } from '../../domain/role-labels';
import { renderCard, type CardJson } from '../core/render-card';
import { ESCALATION_REASON_LABELS, ET } from './escalation-texts';
import { CATEGORY_LABELS, LEVEL_LABELS, STATE_LABELS, URGENCY_LABELS, formatDate, formatDateTime } from '../core/texts';
import { pupilName } from '../core/pupil-label';
import { literal } from '../core/literal-text';
import { HISTORY_LABELS, HT } from '../signals/signal-handling-texts';

type Color = 'Default' | 'Attention' | 'Good' | 'Warning' | 'Accent';
const nameOf = (staff: StaffRecord[], id?: string) => {
  const name = id ? staff.find((s) => s.userId === id)?.displayName : undefined;
  return name ? literal(name) : id ? ET.someone : '';
};

/** Escalation number `n` of a signal: the current one or an earlier one (undefined when unknown). */
export function escalationAt(signal: Signal, n: number): Escalation | undefined {
  const current = escalationNumber(signal);
  if (n === current) return signal.escalation;
  return n >= 0 && n < current ? signal.previousEscalations?.[n] : undefined;
}

// ---------- the form (S6) ----------

export interface EscalationFormValues {
  reason: string;
  question: string;
  urgency: string;
  parentsInformed: string;
  parentsConsented: string;
  noConsentReason: string;
}
export type EscalationFormErrors = Partial<Record<keyof EscalationFormValues, string>>;
export const EMPTY_FORM: EscalationFormValues = {
  reason: '',
  question: '',
  urgency: 'normal',
  parentsInformed: '',
  parentsConsented: '',
  noConsentReason: '',
};

export function escalationFormCard(
  signal: Signal,
  values: Partial<EscalationFormValues> = {},
  errors: EscalationFormErrors = {},
  notice?: string,
  names?: RoleNames,
): CardJson {
  const hasErrors = Object.values(errors).some(Boolean);
  return renderCard('escalation-form', {
    title: ET.formTitle(signal.reference),
    intro: ET.formIntro(names),
    formError: notice ?? (hasErrors ? ET.formFixErrors : ''),
    signalId: signal.id,
    schoolId: signal.schoolId,
    version: signal.updatedAt,
    questionMax: QUESTION_MAX,
    textMax: ANSWER_MAX,
    labels: {
      reason: ET.reasonLabel,
      errReason: ET.errReason,
      question: ET.questionLabel,
      questionPlaceholder: ET.questionPlaceholder,
      errQuestion: ET.errQuestion,
      urgency: ET.urgencyLabel,
      errUrgency: ET.errUrgency,
      parentsInformed: ET.parentsInformedLabel,
      errParentsInformed: ET.errParentsInformed,
      parentsConsented: ET.parentsConsentedLabel,
      errParentsConsented: ET.errParentsConsented,
      noConsentReason: ET.noConsentReasonLabel,
      submit: ET.submit,
    },
    reasonChoices: ESCALATION_REASONS.map((r) => ({ title: ESCALATION_REASON_LABELS[r] ?? r, value: r })),
    urgencyChoices: URGENCIES.map((u) => ({ title: URGENCY_LABELS[u] ?? u, value: u })),
    yesNoChoices: [
      { title: ET.yes, value: 'ja' },
      { title: ET.no, value: 'nee' },
    ],
    values: { ...EMPTY_FORM, ...values },
    errors: {
      reason: '',
      question: '',
      urgency: '',
      parentsInformed: '',
      parentsConsented: '',
      noConsentReason: '',
      ...errors,
    },
  });
}

// ---------- the channel post (S6: only what the OT needs to pick it up) ----------

/** Initials and class, only for schools that opted in; never the name. */
export const initialsAndClass = (p: PupilRecord): string =>
  `${literal([p.firstName, p.lastName].map((x) => (x.trim()[0] ?? '').toUpperCase() + '.').join(''))} (${literal(p.className)})`;

/** Where an escalation stands, in words and colour, for the channel post, the details and the worker's card. */
export function escalationStatus(
  esc: Escalation,
  staff: StaffRecord[],
  names?: RoleNames,
): { status: string; color: Color } {
  if (esc.status === 'returned')
    return {
      status: ET.statusReturned(nameOf(staff, esc.claimedBy), formatDate(esc.returnedAt ?? esc.requestedAt), names),
      color: 'Good',
    };
  if (esc.status === 'claimed') return { status: ET.statusClaimed(nameOf(staff, esc.claimedBy)), color: 'Accent' };
  return { status: ET.statusOpen, color: 'Attention' };
}

export interface ChannelCardInput {
  signal: Signal;
  n: number;
  staff: StaffRecord[];
  /** only when the school opted in to initials and class (channelPostDetail) */
  pupil?: PupilRecord;
  reminder?: { schoolDays: number };
  message?: string;
  messageColor?: Color;
  /** the school's role words */
  names?: RoleNames;
}

/**
 * The OT channel's card: case reference, reason category, urgency, requester and date; with the
 * school's opt-in also the pupil's initials and class. No name, no question, no notes (S6, S9).
 */
export function escalationChannelCard(input: ChannelCardInput): CardJson | undefined {
  const { signal, n, staff } = input;
  const esc = escalationAt(signal, n);
  if (!esc) return undefined;
  const s = escalationStatus(esc, staff, input.names);
  const facts = [
    { title: ET.factReference, value: signal.reference },
    ...(input.pupil ? [{ title: ET.factPupil, value: initialsAndClass(input.pupil) }] : []),
    { title: ET.factReason, value: ESCALATION_REASON_LABELS[esc.reason] ?? ESCALATION_REASON_LABELS.anders },
    { title: ET.factUrgency, value: URGENCY_LABELS[esc.urgency] ?? esc.urgency },
    { title: ET.factRequester, value: nameOf(staff, esc.requestedBy) },
    { title: ET.factDate, value: formatDate(esc.requestedAt) },
  ];
  // The OT channel card keeps `refresh.userIds: []` (cards/escalation-channel.json): manual refresh
  // from the card's menu. A channel can have more members than the 60 Teams refreshes for, and an
  // automatic refresh would cost one invoke per member who scrolls past; personal cards get their
  // recipient's id when sent (src/bot/core/refresh-recipients.ts).
  return renderCard('escalation-channel', {
    title: input.reminder ? ET.reminderTitle(signal.reference) : ET.postTitle(signal.reference),
    titleColor: input.reminder ? 'Attention' : 'Accent', // Warning (yellow) was hard to read on Teams' light theme
    intro: input.reminder
      ? `${ET.reminderIntro(input.reminder.schoolDays)} ${ET.postIntro(input.names)}`
      : ET.postIntro(input.names),
    message: input.message ?? '',
    messageColor: input.messageColor ?? 'Default',
    signalId: signal.id,
    schoolId: signal.schoolId,
    n,
    facts,
    status: s.status,
    statusColor: s.color,
    canClaim: esc.status === 'open',
    labels: { claim: ET.claimButton, details: ET.detailsButton },
  });
}

// ---------- the full case, in an OT member's personal chat ----------

export interface DetailsCardInput {
  signal: Signal;
  n: number;
  staff: StaffRecord[];
  pupil?: PupilRecord;
  viewer: Actor;
  now: Date;
  message?: string;
  messageColor?: Color;
  /** the school's role words */
  names?: RoleNames;
}

/** The whole case for an OT member (care notes included), with claim, note and hand-back. */
export function escalationDetailsCard(input: DetailsCardInput): CardJson | undefined {
  const { signal, n, staff } = input;
  const esc = escalationAt(signal, n);
  if (!esc) return undefined;
  const current = n === escalationNumber(signal);
  const can = new Set(current ? allowedActions(signal, input.viewer, input.now) : []);
  const s = escalationStatus(esc, staff, input.names);
  const reasonWord = (code: string) => ESCALATION_REASON_LABELS[code] ?? code;
  const history = signal.history.slice(-10).map((h) => ({
    line: `${formatDateTime(h.at)} — ${nameOf(staff, h.actorId) || HT.historyBot}: ${HISTORY_LABELS[h.action] ?? h.action}${h.level ? ` (${h.level})` : ''}${h.note ? `: ${h.action === 'escalate' ? reasonWord(h.note) : literal(h.note)}` : ''}`,
  }));
  const facts = [
    { title: ET.factPupil, value: input.pupil ? pupilName(input.pupil) : ET.thePupil },
    { title: ET.factClass, value: input.pupil ? literal(input.pupil.className) : '—' },
    { title: ET.factReference, value: signal.reference },
    { title: ET.factReason, value: reasonWord(esc.reason) },
    { title: ET.factUrgency, value: URGENCY_LABELS[esc.urgency] ?? esc.urgency },
    { title: ET.factRequester, value: nameOf(staff, esc.requestedBy) },
    { title: ET.factDate, value: formatDate(esc.requestedAt) },
    { title: ET.factParentsInformed, value: ET.yesNo(esc.parentsInformed) },
    { title: ET.factParentsConsented, value: ET.yesNo(esc.parentsConsented) },
    ...(esc.noConsentReason ? [{ title: ET.factNoConsentReason, value: literal(esc.noConsentReason) }] : []),
    { title: ET.factCategories, value: signal.categories.map((c) => CATEGORY_LABELS[c] ?? c).join(', ') },
    signal.workerLevel
      ? { title: ET.factLevel(input.names), value: LEVEL_LABELS[signal.workerLevel] }
      : { title: ET.factReporterLevel, value: LEVEL_LABELS[signal.reporterLevel] },
    { title: ET.factOwner(input.names), value: nameOf(staff, signal.ownerId) || '—' },
    { title: ET.factStatus, value: STATE_LABELS[signal.state] ?? signal.state },
    ...(signal.watch ? [{ title: ET.factCheckIn, value: formatDate(signal.watch.checkInDate) }] : []),
  ];
  return renderCard('escalation-details', {
    refresh: current && esc.status !== 'returned',
    title: ET.detailsTitle(signal.reference),
    message: input.message ?? '',
    messageColor: input.messageColor ?? 'Default',
    status: s.status,
    statusColor: s.color,
    signalId: signal.id,
    schoolId: signal.schoolId,
    n,
    textMax: ANSWER_MAX,
    today: localDate(input.now),
    facts,
    question: literal(esc.question),
    summary: literal(esc.summary ?? ''),
    observation: literal(signal.observation),
    history,
    can: { claim: can.has('claimEscalation'), note: can.has('note'), deEscalate: can.has('deEscalate') },
    labels: {
      question: ET.questionHeading,
      summary: ET.summaryHeading,
      observation: ET.observationHeading,
      history: ET.historyHeading,
      claim: ET.claimButton,
      noteButton: ET.noteButton,
      note: ET.noteLabel,
      noteRequired: ET.noteRequired,
      noteSave: ET.noteSave,
      deEscalateButton: ET.deEscalateButton,
      summaryLabel: ET.summaryLabel(input.names),
      summaryRequired: ET.summaryRequired,
      checkIn: ET.checkInLabel(input.names),
      checkInRequired: ET.checkInRequired,
      deEscalateSave: ET.deEscalateSave(input.names),
    },
  });
}
