import { localDate } from '../../domain/amsterdam-time';
import { isAway } from '../../domain/staff-leave';
import { HANDOVER_NOTIFY, ABSENCE_NOTICE_ROLES } from '../../app/handover/handover-ports';
import type { KindsOf } from '../../app/core/notification-kinds';
import { literal } from '../core/literal-text';
import { pupilLabel } from '../core/pupil-label';
import { SKIP, renderedNotice, type Renderer } from '../core/renderer';
import { formatDate } from '../core/texts';
import { HO } from './handover-texts';

/** She hears her absence is set; her partners that she is away, or back. */
const absenceNotice: Renderer = async (deps, schoolId, msg) => {
  const p = msg.payload.params;
  const role = ABSENCE_NOTICE_ROLES.find((r) => r === p.role);
  const staff = await deps.ports.directory.listStaff(schoolId);
  const recipient =
    msg.target.kind === 'user' ? staff.find((s) => s.userId === (msg.target as { userId: string }).userId) : undefined;
  const absent = staff.find((s) => s.userId === p.userId);
  if (!role || !recipient || recipient.leftAt || !absent) return SKIP;
  // a notice that waited (no conversation yet) says nothing that is no longer true
  const awayNow = isAway(absent, localDate(deps.ports.clock.now()));
  if ((role === 'partnerBack') === awayNow) return SKIP;
  const until = formatDate(String(p.until));
  const name = literal(absent.displayName);
  if (role === 'self') return renderedNotice(HO.absenceSelfTitle, HO.absenceSelfText(until), 'Good');
  if (role === 'partner')
    return renderedNotice(HO.absencePartnerTitle(name), HO.absencePartnerText(name, until), 'Warning');
  return renderedNotice(HO.absenceBackTitle(name), HO.absenceBackText(name), 'Good');
};

/** The reporter hears who the casushouder of her signal is after a handover (read at delivery time). */
const handoverNotice: Renderer = async (deps, schoolId, msg) => {
  if (!msg.payload.signalId) return SKIP;
  const signal = (await deps.ports.signals.get(schoolId, msg.payload.signalId))?.doc;
  if (!signal || signal.state === 'closed' || !signal.ownerId) return SKIP;
  const [staff, pupil] = await Promise.all([
    deps.ports.directory.listStaff(schoolId),
    deps.ports.directory.getPupil(schoolId, signal.pupilId),
  ]);
  const owner = staff.find((s) => s.userId === signal.ownerId);
  if (!owner) return SKIP;
  return renderedNotice(
    HO.handoverNoticeTitle(signal.reference),
    HO.handoverNoticeText(pupil ? pupilLabel(pupil) : HO.thePupil, literal(owner.displayName)),
    'Default',
    [{ title: HO.factOwner, value: literal(owner.displayName) }],
  );
};

export const HANDOVER_RENDERERS: Record<KindsOf<typeof HANDOVER_NOTIFY>, Renderer> = {
  [HANDOVER_NOTIFY.absenceNotice]: absenceNotice,
  [HANDOVER_NOTIFY.handoverNotice]: handoverNotice,
};
