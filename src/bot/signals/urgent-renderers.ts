import { URGENT_NOTIFY, type UrgentNotificationKind } from '../../app/signals/urgent-unclaimed';
import { CATEGORY_LABELS, formatDateTime } from '../core/texts';
import { roleNamesAt } from '../core/role-names';
import { SKIP, renderedNotice, type Renderer } from '../core/renderer';
import { UT, urgencyMark } from './urgent-texts';

/**
 * The coordinators' notice about an urgent signal nobody claimed in time (issue 16, point 5):
 * reference, categories, urgency and when it was raised; never the pupil's name or the
 * observation. Nothing to say once the signal is gone or someone has claimed it meanwhile.
 */
export const URGENT_RENDERERS: Record<UrgentNotificationKind, Renderer> = {
  [URGENT_NOTIFY.urgentUnclaimed]: async (deps, schoolId, msg) => {
    const signal = msg.payload.signalId
      ? (await deps.ports.signals.get(schoolId, msg.payload.signalId))?.doc
      : undefined;
    if (!signal || signal.state !== 'new') return SKIP;
    const n = await roleNamesAt(deps, schoolId);
    const mark = urgencyMark(signal);
    return renderedNotice(
      UT.unclaimedTitle(signal.reference, mark),
      UT.unclaimedText(signal.reference, Number(msg.payload.params.hours), n('preventionWorker', { plural: true })),
      'Attention',
      [
        { title: UT.referenceFact, value: signal.reference },
        { title: UT.categoryFact, value: signal.categories.map((c) => CATEGORY_LABELS[c] ?? c).join(', ') },
        { title: UT.urgencyFact, value: mark },
        { title: UT.raisedFact, value: formatDateTime(signal.createdAt) },
      ],
    );
  },
};
