import type { TurnContext } from 'botbuilder';
import { linkChannel, type ChannelKind } from '../../app/school/link-channel';
import type { BotDeps } from '../core/bot-deps';
import { ET } from '../escalation/escalation-texts';
import { refusalText } from '../core/refusal-texts';
import { roleNamesAt } from '../core/role-names';
import { personOf, referenceOf } from '../core/turn';
import { correlationIdOf } from '../core/correlation';

const KINDS: Record<string, ChannelKind> = {
  ot: 'ot',
  overzicht: 'coordinators',
  zorgcoordinatoren: 'coordinators',
  zorgcoördinatoren: 'coordinators',
};

/**
 * `/koppel ot` or `/koppel overzicht`, typed in the team channel itself (S2). Only a coordinator
 * or admin of the school links; everyone else, and any other use, gets the Dutch help.
 * The stored reference points at the channel, so later posts start new threads there.
 */
export async function koppelCommand(deps: BotDeps, context: TurnContext, args: string): Promise<void> {
  const a = context.activity;
  const channelData = (a.channelData ?? {}) as {
    team?: { id?: unknown };
    channel?: { id?: unknown };
    tenant?: { id?: unknown };
  };
  const teamId = typeof channelData.team?.id === 'string' ? channelData.team.id : undefined;
  const channelId =
    typeof channelData.channel?.id === 'string' ? channelData.channel.id : a.conversation?.id?.split(';')[0];
  const kind = KINDS[args.trim().toLowerCase()];
  const person = await personOf(deps, context);
  if (!kind || a.conversation?.conversationType !== 'channel' || !channelId) {
    await deps.ports.audit.record({
      schoolId: person.actors[0]?.schoolId ?? '_none',
      actorId: person.userId || 'unknown',
      actorRoles: [...new Set(person.actors.flatMap((x) => x.roles))],
      action: 'channel.link',
      outcome: 'refused',
      code: 'link-usage',
      subject: args.slice(0, 40),
      correlationId: correlationIdOf(context),
    });
    await context.sendActivity(ET.linkHelp);
    return;
  }
  const outcome = await linkChannel(deps.ports, deps.outbox, person, {
    channel: kind,
    teamId,
    channelId,
    tenantId: a.conversation?.tenantId,
    reference: referenceOf(context),
    correlationId: correlationIdOf(context),
  });
  if (!outcome.ok) {
    const names = await roleNamesAt(deps, person.actors[0]?.schoolId);
    await context.sendActivity(ET.linkRefused(refusalText(outcome.code, names)));
    return;
  }
  const names = await roleNamesAt(deps, outcome.schoolId);
  const confirmation =
    kind === 'ot' ? ET.linkedOt(outcome.schoolName, names) : ET.linkedCoordinators(outcome.schoolName, names);
  await context.sendActivity(
    outcome.released > 0 ? `${confirmation}\n\n${ET.linkedReleased(outcome.released)}` : confirmation,
  );
  if (outcome.released > 0) deps.kickOutbox();
}
