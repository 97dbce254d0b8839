import type { OutboxMessage } from '../../app/core/ports';
import { ROUND_NOTIFY } from '../../app/rounds/round-messages';
import { resolvePerson } from '../../app/core/actors';
import type { BotDeps } from '../core/bot-deps';
import { roundOverviewCardFor, roundOverviewFor } from './round-command';
import type { KindsOf } from '../../app/core/notification-kinds';
import type { Rendered, Renderer } from '../core/renderer';
import { RT } from './round-texts';
import { roleNamesAt } from '../core/role-names';
import { loadRoundCloseSummary } from '../../app/rounds/round-close-summary';
import { roundClosedCard } from './round-closed-view';

type Msg = Pick<OutboxMessage, 'target' | 'payload'>;
const SKIP: Rendered = { skip: true };

/**
 * The round's proactive cards, drawn at delivery time from current state: the overview that
 * opens the round (an Open button per class page), and reminders that skip a worker who has
 * nothing left by the time they go out.
 */
async function roundCard(deps: BotDeps, schoolId: string, msg: Msg, reminder: boolean): Promise<Rendered> {
  if (msg.target.kind !== 'user' || !deps.rounds) return SKIP;
  const roundId = String(msg.payload.params.roundId ?? '');
  const o = await roundOverviewFor(deps, schoolId, roundId);
  if (!o || o.round.status !== 'open') return SKIP;
  const userId = msg.target.userId;
  const mine = o.progress.perWorker.find((w) => w.workerId === userId);
  if (!mine || (reminder && mine.pagesLeft === 0)) return SKIP;
  const person = await resolvePerson(deps.ports.directory, userId);
  const intro = reminder
    ? RT.reminderIntro(String(msg.payload.params.step ?? ''), o.round.deadline, mine.pagesLeft)
    : RT.openIntro(o.round.roundNo, o.round.deadline, await roleNamesAt(deps, schoolId));
  const title = reminder ? RT.reminderTitle(o.round.roundNo) : undefined;
  const card = await roundOverviewCardFor(deps, person, schoolId, roundId, intro, title);
  if (!card) return SKIP;
  return { card, summary: title ?? RT.overviewTitle(o.round.roundNo) };
}

/** The closing summary for a coordinator, drawn at delivery from the round as it stands then. */
async function closedCard(deps: BotDeps, schoolId: string, msg: Msg): Promise<Rendered> {
  if (msg.target.kind !== 'user' || !deps.rounds) return SKIP;
  const person = await resolvePerson(deps.ports.directory, msg.target.userId);
  if (!person.actors.some((a) => a.schoolId === schoolId && a.roles.includes('coordinator'))) return SKIP;
  const summary = await loadRoundCloseSummary(
    deps.ports,
    deps.rounds,
    schoolId,
    String(msg.payload.params.roundId ?? ''),
  );
  if (!summary || summary.overview.round.status !== 'closed') return SKIP;
  return {
    card: roundClosedCard(summary, await roleNamesAt(deps, schoolId)),
    summary: RT.closedTitle(summary.overview.round.roundNo),
  };
}

/** The renderers of the 1-2-3 round (ROUND_NOTIFY), for the notification renderer's map. */
export const ROUND_RENDERERS: Record<KindsOf<typeof ROUND_NOTIFY>, Renderer> = {
  [ROUND_NOTIFY.open]: (deps, schoolId, msg) => roundCard(deps, schoolId, msg, false),
  [ROUND_NOTIFY.reminder]: (deps, schoolId, msg) => roundCard(deps, schoolId, msg, true),
  [ROUND_NOTIFY.closed]: closedCard,
};
