import { reporterStatus } from '../../domain/signal-lifecycle';
import { SIGNAL_STATES, type Signal } from '../../domain/signal';
import { toActor } from '../../app/core/actors';
import { NOTIFY } from '../../app/signals/signal-notifications';
import { STATUS_FOR_MENTOR } from '../../app/signals/signal-event-messages';
import type { KindsOf } from '../../app/core/notification-kinds';
import type { PupilRecord, StaffRecord } from '../../app/core/ports';
import type { RoleNames } from '../../domain/role-labels';
import { roleNamesAt } from '../core/role-names';
import { CATEGORY_LABELS, LEVEL_LABELS, T } from '../core/texts';
import { pupilLabel } from '../core/pupil-label';
import { undeliverableNotice } from '../core/undeliverable-renderer';
import { literal } from '../core/literal-text';
import { SKIP, renderedNotice as notice, type Rendered, type RenderMessage, type Renderer } from '../core/renderer';
import type { BotDeps } from '../core/bot-deps';
import { drawSignalCard } from './signal-card-context';
import { MT } from './mentor-texts';
import { NT, REPORTER_STATUS_TEXT } from './signal-notification-texts';
import { UT, urgencyMark } from './urgent-texts';

/** The same plain words for the pupil's mentor (issue 16), who did not report it herself. */
const MENTOR_STATUS_TEXT: typeof REPORTER_STATUS_TEXT = { ...REPORTER_STATUS_TEXT, closed: MT.statusClosed };

/** The current state a message of NOTIFY reads at delivery time. */
interface Context {
  signal?: Signal;
  pupil?: PupilRecord;
  recipient?: StaffRecord;
  name: (id?: string) => string;
  n: RoleNames;
  workers: string;
}

type Draw = (c: Context, deps: BotDeps, msg: RenderMessage) => Rendered | Promise<Rendered>;

/** A renderer that reads the current state first; nothing to say when the signal it is about is gone. */
const inContext =
  (draw: Draw): Renderer =>
  async (deps, schoolId, msg) => {
    const p = msg.payload;
    const staff = await deps.ports.directory.listStaff(schoolId);
    const target = msg.target;
    const recipient = target.kind === 'user' ? staff.find((s) => s.userId === target.userId) : undefined;
    const signal = p.signalId ? (await deps.ports.signals.get(schoolId, p.signalId))?.doc : undefined;
    if (p.signalId && !signal) return SKIP;
    const pupil = signal ? await deps.ports.directory.getPupil(schoolId, signal.pupilId) : undefined;
    const name = (id?: string) => literal(staff.find((s) => s.userId === id)?.displayName ?? NT.someColleague);
    const n = await roleNamesAt(deps, schoolId);
    return draw({ signal, pupil, recipient, name, n, workers: n('preventionWorker', { plural: true }) }, deps, msg);
  };

/** A renderer of a message about a signal: nothing to say once the signal is gone. */
const aboutSignal = (
  draw: (signal: Signal, c: Context, deps: BotDeps, msg: RenderMessage) => Rendered | Promise<Rendered>,
): Renderer => inContext((c, deps, msg) => (c.signal ? draw(c.signal, c, deps, msg) : SKIP));

const categoryFact = (signal: Signal) => ({
  title: NT.categoryFact,
  value: signal.categories.map((c) => CATEGORY_LABELS[c] ?? c).join(', '),
});
const pupilOr = (pupil: PupilRecord | undefined, fallback: string) => (pupil ? pupilLabel(pupil) : fallback);

/**
 * The renderers of a raised signal (NOTIFY): the prevention worker's card, the notices to mentor,
 * coordinator and attendance officer, the reporter's status updates, and the general notices.
 */
export const SIGNAL_RENDERERS: Record<KindsOf<typeof NOTIFY>, Renderer> = {
  [NOTIFY.signalCard]: inContext(async ({ signal, recipient }, deps) =>
    !signal || !recipient
      ? SKIP
      : {
          card: await drawSignalCard(deps, toActor(recipient), signal),
          // issue 16, point 5: the activity feed shows the urgency first
          summary: urgencyMark(signal)
            ? UT.newSignalSummary(urgencyMark(signal), signal.reference)
            : T.newSignalTitle(signal.reference),
        },
  ),
  [NOTIFY.mentorNotice]: aboutSignal((signal, { pupil, name, workers }) =>
    notice(
      NT.mentorTitle,
      NT.mentorText(name(signal.reporterId), pupilOr(pupil, NT.mentorPupilFallback), signal.reference, workers),
      'Default',
      [categoryFact(signal)],
    ),
  ),
  [NOTIFY.levelThreeNotice]: aboutSignal((signal, { pupil, workers }) =>
    notice(NT.levelThreeTitle(signal.reference), NT.levelThreeText(pupilOr(pupil, NT.aPupil), workers), 'Attention', [
      { title: NT.levelFact, value: LEVEL_LABELS[3] },
      categoryFact(signal),
    ]),
  ),
  [NOTIFY.attendanceNotice]: aboutSignal((signal, { pupil, workers }) =>
    notice(NT.attendanceTitle(signal.reference), NT.attendanceText(pupilOr(pupil, NT.aPupil), workers), 'Warning'),
  ),
  [NOTIFY.reporterStatus]: inContext(({ signal, pupil, name, n }, _deps, msg) => {
    if (!signal) return SKIP;
    // The state this message is about (a message that waited tells its own step, not today's state).
    const about = SIGNAL_STATES.find((st) => st === msg.payload.params.state);
    const status = reporterStatus(about ? { ...signal, state: about } : signal);
    // the step this message is about was a reopen: say so (the reason stays in the care history)
    const reopened = signal.history[Number(msg.payload.params.step) - 1]?.action === 'reopen';
    const key = reopened ? 'reopened' : status === 'watch' && !signal.escalation ? 'watchDirect' : status;
    const forMentor = msg.payload.params.for === STATUS_FOR_MENTOR;
    const text =
      (forMentor ? MENTOR_STATUS_TEXT : REPORTER_STATUS_TEXT)[key]?.(name(signal.ownerId), n) ?? NT.statusUpdated;
    if (forMentor)
      return notice(MT.statusTitle(signal.reference), MT.statusText(pupil ? pupilLabel(pupil) : MT.unknownPupil, text));
    return notice(
      NT.reporterStatusTitle(signal.reference),
      NT.reporterStatusText(pupil ? pupilLabel(pupil) : NT.thePupil, text),
    );
  }),
  [NOTIFY.undeliverable]: inContext(({ signal, n }, _deps, msg) => {
    const params = msg.payload.params;
    const ref = signal?.reference ?? String(params.reference ?? '');
    if (params.reason === 'noWorkers') return notice(T.undeliverableTitle, T.noWorkersForSignal(ref, n), 'Attention');
    const undelivered = undeliverableNotice(params, ref, n);
    return notice(undelivered.title, undelivered.text, 'Attention');
  }),
  [NOTIFY.notice]: inContext((_c, _deps, msg) =>
    notice(
      String(msg.payload.params.title ?? NT.noticeTitle),
      String(msg.payload.params.text ?? ''),
      String(msg.payload.params.color ?? 'Default'),
    ),
  ),
};
