import { toActor } from '../../app/core/actors';
import { DEFAULT_ESCALATION_UNCLAIMED_SCHOOL_DAYS } from '../../app/escalation/escalation-actions';
import { ESCALATION_NOTIFY } from '../../app/escalation/escalation-messages';
import type { OutboxMessage } from '../../app/core/ports';
import type { BotDeps } from '../core/bot-deps';
import { roleNamesOf } from '../../domain/role-labels';
import { roleNamesAt } from '../core/role-names';
import { renderCard } from '../core/render-card';
import { ET } from './escalation-texts';
import type { KindsOf } from '../../app/core/notification-kinds';
import type { Rendered, Renderer } from '../core/renderer';
import { formatDate } from '../core/texts';
import { escalationAt, escalationChannelCard, escalationDetailsCard } from './escalation-views';
import { pupilLabel } from '../core/pupil-label';
import { literal } from '../core/literal-text';

type Msg = Pick<OutboxMessage, 'target' | 'payload'>;
const SKIP: Rendered = { skip: true };

async function load(deps: BotDeps, schoolId: string, msg: Msg) {
  if (!msg.payload.signalId) return undefined;
  const signal = (await deps.ports.signals.get(schoolId, msg.payload.signalId))?.doc;
  if (!signal) return undefined;
  const n = Number(msg.payload.params.n ?? 0);
  const esc = escalationAt(signal, n);
  if (!esc) return undefined;
  const staff = await deps.ports.directory.listStaff(schoolId);
  const recipient =
    msg.target.kind === 'user'
      ? staff.find((s) => s.userId === (msg.target as { userId: string }).userId && !s.leftAt)
      : undefined;
  const name = (id?: string) => literal(staff.find((s) => s.userId === id)?.displayName ?? ET.someone);
  return { signal, n, esc, staff, recipient, name };
}

/** The OT channel's post (and its one reminder): minimal by default, initials and class on opt-in. */
const channelPost =
  (reminder: boolean) =>
  async (deps: BotDeps, schoolId: string, msg: Msg): Promise<Rendered> => {
    if (msg.target.kind !== 'channel' || msg.target.channel !== 'ot') return SKIP;
    const l = await load(deps, schoolId, msg);
    if (!l) return SKIP;
    const school = (await deps.ports.directory.getSchool(schoolId))?.doc;
    const pupil =
      school?.channelPostDetail === 'initialsAndClass'
        ? await deps.ports.directory.getPupil(schoolId, l.signal.pupilId)
        : undefined;
    const days = school?.limits?.escalationUnclaimedSchoolDays ?? DEFAULT_ESCALATION_UNCLAIMED_SCHOOL_DAYS;
    const card = escalationChannelCard({
      signal: l.signal,
      n: l.n,
      staff: l.staff,
      pupil,
      reminder: reminder ? { schoolDays: days } : undefined,
      names: roleNamesOf(school),
    });
    return card
      ? { card, summary: reminder ? ET.reminderTitle(l.signal.reference) : ET.postTitle(l.signal.reference) }
      : SKIP;
  };

/** The full case in an OT member's personal chat; re-checked at delivery (the role may be gone). */
async function details(deps: BotDeps, schoolId: string, msg: Msg): Promise<Rendered> {
  const l = await load(deps, schoolId, msg);
  if (!l || !l.recipient || !l.recipient.roles.includes('supportTeam')) return SKIP;
  const pupil = await deps.ports.directory.getPupil(schoolId, l.signal.pupilId);
  const card = escalationDetailsCard({
    signal: l.signal,
    n: l.n,
    staff: l.staff,
    pupil,
    viewer: toActor(l.recipient),
    now: deps.ports.clock.now(),
    names: await roleNamesAt(deps, schoolId),
  });
  return card ? { card, summary: ET.detailsTitle(l.signal.reference) } : SKIP;
}

const notice = (
  title: string,
  text: string,
  color = 'Default',
  facts: { title: string; value: string }[] = [],
): Rendered => ({ card: renderCard('notice', { title, text, color, facts }), summary: title });

async function claimedNotice(deps: BotDeps, schoolId: string, msg: Msg): Promise<Rendered> {
  const l = await load(deps, schoolId, msg);
  if (!l || !l.recipient || !l.esc.claimedBy) return SKIP;
  const pupil = await deps.ports.directory.getPupil(schoolId, l.signal.pupilId);
  return notice(
    ET.claimedNoticeTitle(l.signal.reference),
    ET.claimedNoticeText(
      l.name(l.esc.claimedBy),
      pupil ? pupilLabel(pupil) : ET.thePupil,
      await roleNamesAt(deps, schoolId),
    ),
    'Good',
  );
}

/** The prevention worker hears the OT's summary in their personal chat (care information). */
async function returnedNotice(deps: BotDeps, schoolId: string, msg: Msg): Promise<Rendered> {
  const l = await load(deps, schoolId, msg);
  if (!l || !l.recipient || l.esc.status !== 'returned') return SKIP;
  const pupil = await deps.ports.directory.getPupil(schoolId, l.signal.pupilId);
  const checkIn = l.signal.watch?.checkInDate ? formatDate(l.signal.watch.checkInDate) : '—';
  const by = l.esc.claimedBy ?? [...l.signal.history].reverse().find((h) => h.action === 'deEscalate')?.actorId;
  return notice(
    ET.returnedNoticeTitle(l.signal.reference),
    ET.returnedNoticeText(
      l.name(by),
      pupil ? pupilLabel(pupil) : ET.thePupil,
      checkIn,
      await roleNamesAt(deps, schoolId),
    ),
    'Good',
    [{ title: ET.summaryHeading, value: literal(l.esc.summary ?? '') }],
  );
}

async function channelDown(deps: BotDeps, schoolId: string, msg: Msg): Promise<Rendered> {
  const l = await load(deps, schoolId, msg);
  if (!l || !l.recipient) return SKIP;
  return notice(
    ET.channelDownTitle(l.signal.reference),
    ET.channelDownText(await roleNamesAt(deps, schoolId)),
    'Attention',
  );
}

/** The renderers of an escalation to the OT (ESCALATION_NOTIFY), for the notification renderer's map. */
export const ESCALATION_RENDERERS: Record<KindsOf<typeof ESCALATION_NOTIFY>, Renderer> = {
  [ESCALATION_NOTIFY.channelPost]: channelPost(false),
  [ESCALATION_NOTIFY.channelReminder]: channelPost(true),
  [ESCALATION_NOTIFY.details]: details,
  [ESCALATION_NOTIFY.claimedNotice]: claimedNotice,
  [ESCALATION_NOTIFY.returnedNotice]: returnedNotice,
  [ESCALATION_NOTIFY.channelDown]: channelDown,
};
