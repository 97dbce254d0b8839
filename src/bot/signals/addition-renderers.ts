import type { KindsOf } from '../../app/core/notification-kinds';
import { ADDITION_NOTIFY } from '../../app/signals/addition-notify';
import { literal } from '../core/literal-text';
import { pupilLabel } from '../core/pupil-label';
import { renderCard } from '../core/render-card';
import { LEVEL_LABELS, URGENCY_LABELS } from '../core/texts';
import { SKIP, type Renderer } from '../core/renderer';
import { OT } from './open-signal-texts';

/**
 * The casushouder hears of an observation another staff member added to the open signal at
 * intake. Read at delivery time from the signal's history step the message names; the text of
 * the addition is care content, for a prevention worker only.
 */
const observationAdded: Renderer = async (deps, schoolId, msg) => {
  const signal = msg.payload.signalId ? (await deps.ports.signals.get(schoolId, msg.payload.signalId))?.doc : undefined;
  const entry = signal?.history[Number(msg.payload.params.step) - 1];
  if (!signal || entry?.action !== 'addObservation' || msg.target.kind !== 'user') return SKIP;
  const recipientId = msg.target.userId;
  const [staff, pupil] = await Promise.all([
    deps.ports.directory.listStaff(schoolId),
    deps.ports.directory.getPupil(schoolId, signal.pupilId),
  ]);
  const recipient = staff.find((s) => s.userId === recipientId && !s.leftAt);
  if (!recipient?.roles.includes('preventionWorker')) return SKIP;
  const who = literal(staff.find((s) => s.userId === entry.actorId)?.displayName ?? OT.someColleague);
  const title = OT.additionTitle(signal.reference);
  const text = OT.additionText(who, pupil ? pupilLabel(pupil) : OT.thePupil, signal.reference);
  const { level, urgency } = msg.payload.params;
  const urgent = level === 3 || urgency === 'today';
  const facts = [
    ...(LEVEL_LABELS[Number(level)] ? [{ title: OT.additionLevelFact, value: LEVEL_LABELS[Number(level)] }] : []),
    ...(URGENCY_LABELS[String(urgency)]
      ? [{ title: OT.additionUrgencyFact, value: URGENCY_LABELS[String(urgency)] }]
      : []),
    ...(entry.note ? [{ title: OT.additionFact, value: literal(entry.note) }] : []),
  ];
  const color = urgent ? 'Attention' : 'Default';
  return {
    card: renderCard('notice', { title, text, color, facts }),
    summary: urgent ? OT.urgentSummary(title) : title,
  };
};

export const ADDITION_RENDERERS: Record<KindsOf<typeof ADDITION_NOTIFY>, Renderer> = {
  [ADDITION_NOTIFY.observationAdded]: observationAdded,
};
