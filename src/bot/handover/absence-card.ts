import { localDate } from '../../domain/amsterdam-time';
import { duoPartners } from '../../domain/staff-leave';
import type { StaffLeave } from '../../domain/staff-leave';
import type { Actor } from '../../domain/roles';
import { readLeave } from '../../app/handover/set-leave';
import type { HandoverDeps } from '../../app/handover/handover-ports';
import type { BotDeps } from '../core/bot-deps';
import { literal } from '../core/literal-text';
import { renderCard, type CardJson } from '../core/render-card';
import { roleNamesAt } from '../core/role-names';
import { formatDate } from '../core/texts';
import { schoolLabelOf } from '../signals/school-board';
import { HO, joinNames } from './handover-texts';

/** Who stands in for her today, as the texts name them. */
export async function partnersText(deps: BotDeps, actor: Actor): Promise<string> {
  const staff = await deps.ports.directory.listStaff(actor.schoolId);
  const partners = duoPartners(staff, actor.userId, localDate(deps.ports.clock.now()));
  return partners.length ? joinNames(partners.map((p) => literal(p.displayName))) : HO.noPartner;
}

/** The `/afwezig` card of one school: her absence as it stands, a date to set, and 'Ik ben er weer' while away. */
export async function absenceCard(
  deps: BotDeps,
  hd: HandoverDeps,
  actor: Actor,
  status?: { text: string; color: 'Good' | 'Attention' },
): Promise<CardJson> {
  const [current, school, names] = await Promise.all([
    readLeave(hd, actor.schoolId, actor.userId),
    schoolLabelOf(deps, actor),
    roleNamesAt(deps, actor.schoolId),
  ]);
  const leave: StaffLeave | undefined = current?.leave;
  return renderCard('absence', {
    title: school ? HO.leaveTitleAt(school) : HO.leaveTitle,
    status: status?.text ?? '',
    statusColor: status?.color ?? 'Default',
    text: leave ? HO.leaveActive(formatDate(leave.until), await partnersText(deps, actor)) : HO.leaveNone(names),
    untilLabel: HO.leaveUntilLabel,
    required: HO.leaveDateRequired,
    today: localDate(deps.ports.clock.now()),
    until: leave?.until ?? '',
    formats: HO.leaveFormatsHint,
    saveTitle: HO.leaveSaveButton,
    endTitle: HO.leaveEndButton,
    schoolId: actor.schoolId,
    version: current?.etag ?? '',
    away: !!leave,
  });
}
