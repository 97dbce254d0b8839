import type { TurnContext } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import { z } from 'zod';
import { viewSignal } from '../../app/signals/act-on-signal';
import { personalDigests, postChannelDigestNow, regionDigestFor } from '../../app/digest/digest-on-demand';
import type { DigestPorts } from '../../app/digest/digest-ports';
import { correlationIdOf } from '../core/correlation';
import type { BotDeps } from '../core/bot-deps';
import type { CardJson } from '../core/render-card';
import { DT } from './digest-texts';
import { personalDigestCard, regionDigestCard } from './digest-cards';
import { roleNamesAt, roleNamesFor } from '../core/role-names';
import { T } from '../core/texts';
import { refusalText } from '../core/refusal-texts';
import { personOf } from '../core/turn';
import { noticeCard } from '../core/notice-card';
import { drawSignalCard, viewerAt } from '../signals/signal-card-context';
import { AGENDA_ROLES } from '../../app/meeting/meeting-agenda';
import { agendaCardsFor } from '../meeting/agenda-command';

const attach = (card: CardJson) => MessageFactory.attachment(CardFactory.adaptiveCard(card));

function digestOf(deps: BotDeps): DigestPorts {
  if (!deps.digest) throw new Error('Digest ports are not wired');
  return deps.digest;
}

/**
 * `/overzicht` (personal chat): a coordinator gets the digest of each of their schools with the
 * names behind the flagged items; `/overzicht kanaal` posts the channel digest now; a project
 * lead gets the region digest (`/overzicht regio`, or plain `/overzicht` when not a coordinator).
 * Anyone else is refused, and the attempt is audited.
 */
export async function overzichtCommand(deps: BotDeps, context: TurnContext, args: string): Promise<void> {
  const person = await personOf(deps, context);
  if (person.actors.length === 0) {
    await deps.ports.audit.record({
      schoolId: '_none',
      actorId: person.userId || 'unknown',
      actorRoles: [],
      action: 'digest.view',
      outcome: 'refused',
      code: 'unknown-user',
      correlationId: correlationIdOf(context),
    });
    await context.sendActivity(T.notAStaffMember);
    return;
  }
  const arg = args.trim().toLowerCase();
  const isLead = person.actors.some((a) => a.roles.includes('projectLead'));
  const isCoordinator = person.actors.some((a) => a.roles.includes('coordinator'));
  const own = await roleNamesFor(deps, person);
  if (arg === 'regio' || (arg === '' && isLead && !isCoordinator)) {
    const out = await regionDigestFor(deps.ports, digestOf(deps), person, correlationIdOf(context));
    if (!out.ok) return void (await context.sendActivity(refusalText(out.code, own)));
    for (const r of out.regions) await context.sendActivity(attach(regionDigestCard(r.region, r.digest)));
    return;
  }
  if (arg === 'kanaal') {
    const out = await postChannelDigestNow(deps.ports, digestOf(deps), person, correlationIdOf(context));
    if (!out.ok) return void (await context.sendActivity(refusalText(out.code, own)));
    deps.kickOutbox();
    for (const p of out.posted) {
      const names = await roleNamesAt(deps, p.schoolId);
      await context.sendActivity(
        p.channelLinked
          ? DT.channelPosted(p.schoolName, names)
          : `${DT.channelPosted(p.schoolName, names)} ${DT.channelNotLinked(names)}`,
      );
    }
    return;
  }
  if (arg !== '') return void (await context.sendActivity(DT.usage(own)));
  const out = await personalDigests(deps.ports, digestOf(deps), person, correlationIdOf(context));
  if (!out.ok) return void (await context.sendActivity(refusalText(out.code, own)));
  for (const d of out.digests)
    await context.sendActivity(attach(personalDigestCard(d, await roleNamesAt(deps, d.school.schoolId))));
}

const OpenSignalSchema = z.object({
  signalId: z.string().regex(/^signal:[A-Za-z0-9-]{1,64}$/),
  schoolId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  /** the list the row is on: the personal digest (none) or the bespreeklijst */
  list: z.literal('agenda').optional(),
});

/**
 * digest.openSignal: the signal card behind a row of the personal digest or the bespreeklijst, sent
 * as its own message so the list stays in place. Rights are checked again (the list's roles, then
 * viewSignal, which audits the read); the answer card redraws the list as it stands now.
 */
export async function digestOpenSignal(deps: BotDeps, context: TurnContext, data: unknown): Promise<CardJson> {
  const ref = OpenSignalSchema.safeParse(data);
  if (!ref.success) return noticeCard(refusalText('invalid-card'));
  const person = await personOf(deps, context);
  const viewer = viewerAt(person, ref.data.schoolId);
  const agenda = ref.data.list === 'agenda';
  const mayOpen = agenda
    ? AGENDA_ROLES.some((r) => viewer?.roles.includes(r))
    : !!viewer && viewer.roles.includes('coordinator');
  if (!viewer || !mayOpen) {
    await deps.ports.audit.record({
      schoolId: ref.data.schoolId,
      actorId: person.userId || 'unknown',
      actorRoles: viewer ? [...viewer.roles] : [],
      action: 'digest.openSignal',
      outcome: 'refused',
      code: agenda ? 'agenda-not-allowed' : 'digest-not-coordinator',
      correlationId: correlationIdOf(context),
      signalId: ref.data.signalId,
    });
    return noticeCard(refusalText('forged'));
  }
  const view = await viewSignal(deps.ports, person, ref.data.schoolId, ref.data.signalId, correlationIdOf(context));
  if (!view.ok) return noticeCard(refusalText(view.code));
  await context.sendActivity(attach(await drawSignalCard(deps, viewer, view.signal)));
  if (agenda) {
    const lists = await agendaCardsFor(deps, context, { ...person, actors: [viewer] });
    return lists.ok && lists.cards[0] ? lists.cards[0] : noticeCard(DT.signalCardSent, 'Waakvlam', 'Good');
  }
  const digests = await personalDigests(
    deps.ports,
    digestOf(deps),
    { ...person, actors: [viewer] },
    correlationIdOf(context),
  );
  const mine = digests.ok ? digests.digests.find((d) => d.school.schoolId === ref.data.schoolId) : undefined;
  return mine
    ? personalDigestCard(mine, await roleNamesAt(deps, mine.school.schoolId))
    : noticeCard(DT.signalCardSent, 'Waakvlam', 'Good');
}
