import { toActor } from '../../app/core/actors';
import type { OutboxMessage, StaffRecord } from '../../app/core/ports';
import { HANDLING_NOTIFY } from '../../app/signals/signal-handling-messages';
import { daysBetween } from '../../domain/calendar-date';
import { localDate } from '../../domain/school-days';
import { allowedActions } from '../../domain/signal-lifecycle';
import { DEFAULT_UNCLAIMED_SCHOOL_DAYS, aftercareSince, extendedCheckInDate } from '../../domain/signal-reminders';
import type { Signal } from '../../domain/signal';
import type { BotDeps } from '../core/bot-deps';
import { renderCard } from '../core/render-card';
import { drawSignalCard } from './signal-card-context';
import type { KindsOf } from '../../app/core/notification-kinds';
import type { Rendered, Renderer } from '../core/renderer';
import { HT } from './signal-handling-texts';
import { roleNamesAt } from '../core/role-names';
import { STATE_LABELS, formatDate, formatDateTime } from '../core/texts';
import { pupilLabel } from '../core/pupil-label';
import { literal } from '../core/literal-text';

type Msg = Pick<OutboxMessage, 'target' | 'payload'>;
interface Loaded {
  signal: Signal;
  staff: StaffRecord[];
  recipient?: StaffRecord;
  pupil: string;
  name: (id?: string) => string;
}

/** Current state for a message about a signal; undefined when the signal is gone. */
async function load(deps: BotDeps, schoolId: string, msg: Msg): Promise<Loaded | undefined> {
  if (!msg.payload.signalId) return undefined;
  const signal = (await deps.ports.signals.get(schoolId, msg.payload.signalId))?.doc;
  if (!signal) return undefined;
  const [staff, pupil] = await Promise.all([
    deps.ports.directory.listStaff(schoolId),
    deps.ports.directory.getPupil(schoolId, signal.pupilId),
  ]);
  const recipient =
    msg.target.kind === 'user'
      ? staff.find((s) => s.userId === (msg.target as { userId: string }).userId && !s.leftAt)
      : undefined;
  const name = (id?: string) => literal(staff.find((s) => s.userId === id)?.displayName ?? HT.someColleague);
  return { signal, staff, recipient, pupil: pupil ? pupilLabel(pupil) : HT.thePupil, name };
}

const notice = (
  title: string,
  text: string,
  facts: { title: string; value: string }[] = [],
  color = 'Default',
): Rendered => ({ card: renderCard('notice', { title, text, color, facts }), summary: title });
const SKIP: Rendered = { skip: true };

/** The reporter's question card; nothing once answered or closed. */
async function reporterQuestion(deps: BotDeps, schoolId: string, msg: Msg): Promise<Rendered> {
  const l = await load(deps, schoolId, msg);
  const q = l?.signal.questions.find((x) => x.id === msg.payload.params.questionId);
  if (!l || !q || q.answer !== undefined || l.signal.state === 'closed' || l.recipient?.userId !== l.signal.reporterId)
    return SKIP;
  const title = HT.questionTitle(l.signal.reference);
  return {
    card: renderCard('reporter-question', {
      title,
      intro: HT.questionIntro(l.name(q.askedBy), l.pupil, await roleNamesAt(deps, schoolId)),
      question: literal(q.question),
      answerLabel: HT.answerLabel,
      answerRequired: HT.answerRequired,
      answerButton: HT.answerButton,
      signalId: l.signal.id,
      schoolId,
      questionId: q.id,
    }),
    summary: title,
  };
}

/** The worker who asked hears the answer (the worker's card carries it too). */
async function questionAnswered(deps: BotDeps, schoolId: string, msg: Msg): Promise<Rendered> {
  const l = await load(deps, schoolId, msg);
  const q = l?.signal.questions.find((x) => x.id === msg.payload.params.questionId);
  if (!l || !q || q.answer === undefined || !l.recipient?.roles.includes('preventionWorker')) return SKIP;
  const title = HT.answeredTitle(l.signal.reference);
  return {
    card: renderCard('signal-answer', {
      title,
      text: HT.answeredText(l.name(l.signal.reporterId), l.pupil),
      facts: [
        { title: HT.questionFact, value: literal(q.question) },
        { title: HT.answerFact, value: literal(q.answer) },
      ],
      signalId: l.signal.id,
      schoolId,
      openLabel: HT.reminderOpen,
    }),
    summary: title,
  };
}

async function signalAssigned(deps: BotDeps, schoolId: string, msg: Msg): Promise<Rendered> {
  const l = await load(deps, schoolId, msg);
  if (!l || !l.recipient || l.signal.ownerId !== l.recipient.userId) return SKIP;
  return {
    card: await drawSignalCard(
      deps,
      toActor(l.recipient),
      l.signal,
      HT.assignedMessage(l.name(String(msg.payload.params.by ?? ''))),
      'Good',
    ),
    summary: HT.reassignTitle(l.signal.reference),
  };
}

async function reassignNotice(deps: BotDeps, schoolId: string, msg: Msg): Promise<Rendered> {
  const l = await load(deps, schoolId, msg);
  if (!l || !l.recipient) return SKIP;
  const p = msg.payload.params;
  const text =
    HT.reassignText(l.name(String(p.toUserId)), l.name(String(p.by))) +
    (p.previousOwnerId ? ` ${HT.reassignFrom(l.name(String(p.previousOwnerId)))}` : '');
  return notice(HT.reassignTitle(l.signal.reference), text, [
    { title: HT.factPupil, value: l.pupil },
    { title: HT.factStatus, value: STATE_LABELS[l.signal.state] },
  ]);
}

/** A new copy of the card for each prevention worker, unless someone claimed it meanwhile. */
async function signalReannounced(deps: BotDeps, schoolId: string, msg: Msg): Promise<Rendered> {
  const l = await load(deps, schoolId, msg);
  if (!l || !l.recipient || l.signal.state !== 'new') return SKIP;
  return {
    card: await drawSignalCard(deps, toActor(l.recipient), l.signal, HT.reannouncedMessage, 'Attention'),
    summary: HT.reannounceTitle(l.signal.reference),
  };
}

async function reannounceNotice(deps: BotDeps, schoolId: string, msg: Msg): Promise<Rendered> {
  const l = await load(deps, schoolId, msg);
  if (!l || !l.recipient) return SKIP;
  const limit =
    (await deps.ports.directory.getSchool(schoolId))?.doc.limits.unclaimedSchoolDays ?? DEFAULT_UNCLAIMED_SCHOOL_DAYS;
  return notice(
    HT.reannounceTitle(l.signal.reference),
    HT.reannounceText(l.pupil, limit, await roleNamesAt(deps, schoolId)),
    [{ title: HT.factStatus, value: STATE_LABELS[l.signal.state] }],
    'Warning',
  );
}

/**
 * Watch check-in / aftercare reminder, with one-click next steps the recipient may take now.
 * A reminder whose moment passed (the signal moved on) is not sent.
 */
async function signalReminder(deps: BotDeps, schoolId: string, msg: Msg): Promise<Rendered> {
  const l = await load(deps, schoolId, msg);
  if (!l || !l.recipient) return SKIP;
  const reason = msg.payload.params.reason;
  const s = l.signal;
  if (reason === 'watch' && (s.state !== 'watch' || s.watch?.checkInDate !== msg.payload.params.date)) return SKIP;
  if (reason === 'aftercare' && s.state !== 'aftercare') return SKIP;
  const now = deps.ports.clock.now();
  const can = new Set(allowedActions(s, toActor(l.recipient), now));
  const extendTo = extendedCheckInDate(now);
  const since = aftercareSince(s);
  const title = reason === 'watch' ? HT.watchReminderTitle(s.reference) : HT.aftercareReminderTitle(s.reference);
  const text =
    reason === 'watch'
      ? HT.watchReminderText(formatDate(String(msg.payload.params.date)))
      : HT.aftercareReminderText(since ? Math.floor(daysBetween(localDate(new Date(since)), localDate(now)) / 7) : 4);
  return {
    card: renderCard('signal-reminder', {
      title,
      text,
      facts: [
        { title: HT.factPupil, value: l.pupil },
        { title: HT.factStatus, value: STATE_LABELS[s.state] },
        { title: HT.factOwner, value: s.ownerId ? l.name(s.ownerId) : '—' },
        { title: HT.factLastChange, value: formatDateTime(s.updatedAt) },
      ],
      signalId: s.id,
      schoolId,
      version: s.updatedAt,
      extendTo,
      labels: {
        close: HT.reminderClose,
        extend: HT.reminderExtend(formatDate(extendTo)),
        aftercare: HT.reminderAftercare,
        open: HT.reminderOpen,
      },
      can: { close: can.has('close'), setWatch: can.has('setWatch'), startAftercare: can.has('startAftercare') },
    }),
    summary: title,
  };
}

/** The renderers of handling a signal (HANDLING_NOTIFY), for the notification renderer's map. */
export const SIGNAL_HANDLING_RENDERERS: Record<KindsOf<typeof HANDLING_NOTIFY>, Renderer> = {
  [HANDLING_NOTIFY.reporterQuestion]: reporterQuestion,
  [HANDLING_NOTIFY.questionAnswered]: questionAnswered,
  [HANDLING_NOTIFY.signalAssigned]: signalAssigned,
  [HANDLING_NOTIFY.reassignNotice]: reassignNotice,
  [HANDLING_NOTIFY.signalReannounced]: signalReannounced,
  [HANDLING_NOTIFY.reannounceNotice]: reannounceNotice,
  [HANDLING_NOTIFY.signalReminder]: signalReminder,
};
