import type { TurnContext } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import { reporterStatus } from '../../domain/signal-lifecycle';
import type { Signal } from '../../domain/signal';
import type { BotDeps } from '../bot-deps';
import { renderCard } from '../cards/render-card';
import { STATE_LABELS, T, formatDateTime } from '../texts';
import { personOf } from '../turn';
import { drawSignalCard } from './signal-card-context';

export const CASELOAD_PAGE = 10;
const STATE_ORDER = ['new', 'claimed', 'inProgress', 'escalated', 'watch', 'aftercare'];
const REPORTER_WORDS: Record<string, string> = { received: 'ontvangen', claimed: 'opgepakt', inProgress: 'in behandeling', escalated: 'opgeschaald naar het OT', watch: 'in behandeling (waakvlam)', aftercare: 'in behandeling (nazorg)', closed: 'afgerond' };

/** /mijn: a prevention worker's caseload (cards, by state, oldest first); a reporter's own signals. */
export async function mySignalsCommand(deps: BotDeps, context: TurnContext): Promise<void> {
  const person = await personOf(deps, context);
  if (person.actors.length === 0) {
    await context.sendActivity(T.notAStaffMember);
    return;
  }
  for (const actor of person.actors) {
    if (actor.roles.includes('preventionWorker')) {
      const open = (await deps.ports.signals.listOpen(actor.schoolId))
        .filter((s) => !s.ownerId || s.ownerId === actor.userId)
        .sort((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) || a.createdAt.localeCompare(b.createdAt));
      if (open.length === 0) {
        await context.sendActivity(T.noOpenSignals);
        continue;
      }
      const counts = STATE_ORDER.map((st) => [st, open.filter((s) => s.state === st).length] as const).filter(([, n]) => n > 0);
      await context.sendActivity(`**Jouw caseload** — ${counts.map(([st, n]) => `${STATE_LABELS[st]}: ${n}`).join(' · ')}` + (open.length > CASELOAD_PAGE ? `\n\nIk laat de ${CASELOAD_PAGE} oudste zien; sluit of verplaats signalen om verder te kijken.` : ''));
      for (const s of open.slice(0, CASELOAD_PAGE)) {
        await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(await drawSignalCard(deps, actor, s))));
      }
    }
    const mine = await deps.ports.signals.listByReporter(actor.schoolId, actor.userId);
    if (!actor.roles.includes('preventionWorker') || mine.length > 0) await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(reporterList(mine))));
  }
}

function reporterList(signals: Signal[]) {
  const rows = signals.slice(0, 20).map((s) => ({ title: s.reference, value: `${REPORTER_WORDS[reporterStatus(s)] ?? s.state} · gemeld ${formatDateTime(s.createdAt)}` }));
  return renderCard('notice', { title: T.mySignalsTitle, text: signals.length ? `Je hebt ${signals.length} signaal/signalen gedaan.` : 'Je hebt nog geen signalen gedaan. Typ `/signaal` om een zorg te melden.', color: 'Default', facts: rows });
}
