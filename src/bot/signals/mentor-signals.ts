import type { TurnContext } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import type { Actor } from '../../domain/roles';
import { followedByMentor } from '../../domain/mentor-follow';
import { localDate } from '../../domain/amsterdam-time';
import { duoPartners, isAway } from '../../domain/staff-leave';
import { reporterStatus } from '../../domain/signal-lifecycle';
import type { Signal } from '../../domain/signal';
import type { PupilRecord } from '../../app/core/ports';
import { correlationIdOf } from '../core/correlation';
import type { BotDeps } from '../core/bot-deps';
import type { CardJson } from '../core/render-card';
import { literal } from '../core/literal-text';
import { pupilLabel } from '../core/pupil-label';
import { roleNamesAt } from '../core/role-names';
import { formatDate } from '../core/texts';
import { schoolLabelOf } from './school-board';
import { joinNames } from '../handover/handover-texts';
import { LISTS, listCard } from './signal-list-card';
import { HT, REPORTER_WORDS } from './signal-handling-texts';
import { MT } from './mentor-texts';

/** Rows per page of the mentor's list (one card). */
export const MENTOR_GROUP_PAGE = 15;

/**
 * The signals the mentor follows at the actor's school: about current pupils whose mentor she is,
 * not reported by herself; open ones first, newest first. Undefined when she mentors no pupil
 * there or the school turned following off (then `/mijn` shows no mentor heading at all).
 */
async function followed(
  deps: BotDeps,
  actor: Actor,
): Promise<{ signals: Signal[]; pupils: Map<string, PupilRecord> } | undefined> {
  const school = await deps.ports.directory.schoolSettings(actor.schoolId);
  if (!school || school.mentorFollowsSignals === false) return undefined;
  const own = (await deps.ports.directory.listPupils(actor.schoolId)).filter(
    (p) => p.mentorId === actor.userId && !p.leftAt,
  );
  if (own.length === 0) return undefined;
  const about = await deps.ports.signals.listByPupils(
    actor.schoolId,
    own.map((p) => p.id),
  );
  const signals = followedByMentor(about, actor.userId).sort(
    (a, b) =>
      Number(a.state === 'closed') - Number(b.state === 'closed') ||
      b.createdAt.localeCompare(a.createdAt) ||
      b.reference.localeCompare(a.reference),
  );
  return { signals, pupils: new Map(own.map((p) => [p.id, p])) };
}

/**
 * One page of 'Leerlingen uit je mentorgroep': per signal its reference, the pupil, the state in
 * the reporter's plain words, the casushouder and dates. Deliberately nothing else: no
 * observation, level, note, question or escalation content.
 */
export async function mentorGroupPage(
  deps: BotDeps,
  actor: Actor,
  page: number,
  correlationId?: string,
): Promise<CardJson | undefined> {
  const found = await followed(deps, actor);
  if (!found) return undefined;
  const school = await schoolLabelOf(deps, actor);
  const heading = school ? MT.listTitleAt(school) : MT.listTitle;
  const { signals, pupils } = found;
  if (signals.length === 0)
    return listCard({
      title: heading,
      text: MT.listNone,
      list: LISTS.mentorGroup,
      schoolId: actor.schoolId,
      page: 0,
      pages: 1,
    });
  const pages = Math.ceil(signals.length / MENTOR_GROUP_PAGE);
  const p = Math.min(Math.max(0, page), pages - 1);
  const slice = signals.slice(p * MENTOR_GROUP_PAGE, (p + 1) * MENTOR_GROUP_PAGE);
  const staff = await deps.ports.directory.listStaff(actor.schoolId);
  const today = localDate(deps.ports.clock.now());
  // while the casushouder is away, her stand-ins (from the same staff list: no extra reads)
  const ownerName = (id?: string) => {
    const owner = id ? staff.find((s) => s.userId === id) : undefined;
    if (!owner) return MT.noOwner;
    if (!isAway(owner, today)) return literal(owner.displayName);
    const partners = duoPartners(staff, owner.userId, today).map((p) => literal(p.displayName));
    return MT.ownerAway(literal(owner.displayName), partners.length ? joinNames(partners) : undefined);
  };
  const facts = slice.map((s) => {
    const pupil = pupils.get(s.pupilId);
    const dates = [
      MT.raisedOn(formatDate(s.createdAt)),
      s.closedAt ? MT.closedOn(formatDate(s.closedAt)) : MT.changedOn(formatDate(s.updatedAt)),
    ].join(' · ');
    return {
      title: s.reference,
      value: MT.row(
        pupil ? pupilLabel(pupil) : MT.unknownPupil,
        REPORTER_WORDS[reporterStatus(s)] ?? s.state,
        ownerName(s.ownerId),
        dates,
      ),
    };
  });
  // pupil names shown: one audit line for the page, with the count (S9)
  await deps.ports.audit.record({
    schoolId: actor.schoolId,
    actorId: actor.userId,
    actorRoles: [...actor.roles],
    action: 'pupil.list',
    outcome: 'ok',
    code: `count=${slice.length}`,
    subject: LISTS.mentorGroup,
    correlationId,
  });
  const n = await roleNamesAt(deps, actor.schoolId);
  const open = signals.filter((s) => s.state !== 'closed').length;
  const range = HT.pageTitle(p * MENTOR_GROUP_PAGE + 1, p * MENTOR_GROUP_PAGE + slice.length, signals.length);
  return listCard({
    title: pages > 1 ? `${heading} — ${range}` : heading,
    text: MT.listCount(open, signals.length, n),
    facts,
    list: LISTS.mentorGroup,
    schoolId: actor.schoolId,
    page: p,
    pages,
    withPrevious: true,
  });
}

/** `/mijn`: the mentor's list under its own heading, when she follows any pupil at this school. */
export async function sendMentorGroupPage(deps: BotDeps, context: TurnContext, actor: Actor): Promise<void> {
  const card = await mentorGroupPage(deps, actor, 0, correlationIdOf(context));
  if (card) await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}
