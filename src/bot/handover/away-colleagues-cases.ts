import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { localDate } from '../../domain/amsterdam-time';
import { casesOf } from '../../domain/handover';
import type { Actor } from '../../domain/roles';
import { colleaguesAway } from '../../domain/staff-leave';
import type { BotDeps } from '../core/bot-deps';
import { literal, markdownOf } from '../core/literal-text';
import { formatDate } from '../core/texts';
import { drawSignalCard } from '../signals/signal-card-context';
import { HO } from './handover-texts';

/** At most this many cards per colleague away (each card is its own message: Teams' per-chat rate). */
export const AWAY_CASES_SHOWN = 6;

/**
 * `/mijn` of a prevention worker (issue 16): under their own heading, the open cases of each
 * colleague of her school who is away today, as cards she can act on (the duo shares its cases).
 */
export async function sendAwayColleaguesCases(deps: BotDeps, context: TurnContext, actor: Actor): Promise<void> {
  const staff = await deps.ports.directory.listStaff(actor.schoolId);
  const away = colleaguesAway(staff, actor.userId, localDate(deps.ports.clock.now()));
  if (away.length === 0) return;
  const open = await deps.ports.signals.listOpen(actor.schoolId);
  for (const colleague of away) {
    const name = literal(colleague.displayName);
    const until = formatDate(colleague.leave!.until);
    const cases = casesOf(open, colleague.userId);
    if (cases.length === 0) {
      await context.sendActivity(markdownOf(HO.awayNone(name, until)));
      continue;
    }
    await context.sendActivity(markdownOf(HO.awayHeading(name, until, cases.length)));
    for (const s of cases.slice(0, AWAY_CASES_SHOWN))
      await context.sendActivity(
        MessageFactory.attachment(CardFactory.adaptiveCard(await drawSignalCard(deps, actor, s))),
      );
    if (cases.length > AWAY_CASES_SHOWN) await context.sendActivity(HO.awayMore(cases.length - AWAY_CASES_SHOWN));
  }
}
