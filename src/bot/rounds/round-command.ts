import type { TurnContext } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import type { Person } from '../../app/core/actors';
import { openRoundNow } from '../../app/rounds/open-round';
import { loadRoundOverview, openableFor, type RoundOverview } from '../../app/rounds/round-overview';
import { roundWindowsAt } from '../../app/rounds/round-pages';
import type { RoundPort } from '../../app/rounds/round-ports';
import { localDate } from '../../domain/amsterdam-time';
import { correlationIdOf } from '../core/correlation';
import type { BotDeps } from '../core/bot-deps';
import type { CardJson } from '../core/render-card';
import { RT } from './round-texts';
import { refusalText } from '../core/refusal-texts';
import { T } from '../core/texts';
import { personOf } from '../core/turn';
import { pupilLabel } from '../core/pupil-label';
import { roundOverviewCard } from './round-views';
import { roleNamesAt, roleNamesFor } from '../core/role-names';

export function roundsOf(deps: BotDeps): RoundPort {
  if (!deps.rounds) throw new Error('Round store not wired');
  return deps.rounds;
}

export const roundOverviewFor = (
  deps: BotDeps,
  schoolId: string,
  roundId?: string,
): Promise<RoundOverview | undefined> => loadRoundOverview(deps.ports, roundsOf(deps), schoolId, roundId);

const ROUND_ROLES = ['preventionWorker', 'coordinator', 'admin'] as const;

/**
 * The overview card of a round for one person: prevention workers get Open buttons on their
 * classes; coordinators and admins see progress only. Undefined when the person has no round
 * role at this school (or there is no round yet: then `noRound` says so).
 */
export async function roundOverviewCardFor(
  deps: BotDeps,
  person: Person,
  schoolId: string,
  roundId?: string,
  intro?: string,
  title?: string,
): Promise<CardJson | undefined> {
  const actor = person.actors.find((a) => a.schoolId === schoolId);
  if (!actor || !ROUND_ROLES.some((r) => actor.roles.includes(r))) return undefined;
  const o = await roundOverviewFor(deps, schoolId, roundId);
  if (!o) return undefined;
  const me = actor.roles.includes('preventionWorker') ? o.staff.find((s) => s.userId === actor.userId) : undefined;
  const names = await roleNamesAt(deps, schoolId);
  return roundOverviewCard({
    round: o.round,
    title,
    intro: intro ?? (o.round.status === 'open' ? RT.openIntro(o.round.roundNo, o.round.deadline, names) : ''),
    deadlineLine: RT.progressIntro(o.round.deadline, o.schoolDaysLeft, o.round.status),
    pages: o.pages,
    progress: o.progress,
    openable: me ? openableFor(me, o.pages) : undefined,
    flagged: o.flagged.map((f) => ({ name: pupilLabel(f.pupil), trend: f.trend })),
    showFlagged: true,
    names,
  });
}

const attach = (card: CardJson) => MessageFactory.attachment(CardFactory.adaptiveCard(card));

/** /ronde: progress of the current round per class and per prevention worker; `/ronde open` opens it now (demo). */
export async function roundCommand(deps: BotDeps, context: TurnContext, args: string): Promise<void> {
  const person = await personOf(deps, context);
  if (person.actors.length === 0) {
    await context.sendActivity(T.notAStaffMember);
    return;
  }
  const rounds = roundsOf(deps);
  if (args.trim().toLowerCase() === 'open') {
    const schools = person.actors.filter((a) => a.roles.includes('coordinator') || a.roles.includes('admin'));
    if (schools.length === 0) {
      await openRoundNow(deps.ports, rounds, person, person.actors[0].schoolId, correlationIdOf(context)); // refused and audited
      await context.sendActivity(refusalText('not-allowed-role'));
      return;
    }
    for (const a of schools) {
      const outcome = await openRoundNow(deps.ports, rounds, person, a.schoolId, correlationIdOf(context));
      if (!outcome.ok) await context.sendActivity(refusalText(outcome.code));
      else
        await context.sendActivity(
          outcome.status === 'created'
            ? RT.openedNow(outcome.round.roundNo, outcome.round.deadline, await roleNamesAt(deps, a.schoolId))
            : RT.alreadyOpen(outcome.round.roundNo),
        );
    }
    deps.kickOutbox();
    return;
  }
  let shown = 0;
  for (const actor of person.actors) {
    if (!ROUND_ROLES.some((r) => actor.roles.includes(r))) continue;
    shown++;
    const card = await roundOverviewCardFor(deps, person, actor.schoolId);
    if (card) {
      await context.sendActivity(attach(card));
      continue;
    }
    const school = await deps.ports.directory.getSchool(actor.schoolId);
    const now = deps.ports.clock.now();
    const next = roundWindowsAt(school?.doc ?? {}, now).find((w) => w.opensOn > localDate(now));
    await context.sendActivity(RT.noRound(next?.opensOn));
  }
  if (shown === 0) await context.sendActivity(refusalText('round-role', await roleNamesFor(deps, person)));
}
