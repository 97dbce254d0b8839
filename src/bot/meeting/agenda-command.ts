import type { TurnContext } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import type { Person } from '../../app/core/actors';
import { meetingAgendasFor, type SchoolAgenda } from '../../app/meeting/meeting-agenda';
import type { MeetingAgendaPorts } from '../../app/meeting/meeting-agenda-ports';
import type { BotDeps } from '../core/bot-deps';
import { correlationIdOf } from '../core/correlation';
import { renderCard, type CardJson } from '../core/render-card';
import { refusalText } from '../core/refusal-texts';
import { roleNamesFor } from '../core/role-names';
import { personOf } from '../core/turn';
import { agendaCardData } from './agenda-view';

/** The bespreeklijst reads what the digest reads; absent digest ports mean no agenda (the command refuses). */
export function agendaPortsOf(deps: BotDeps): MeetingAgendaPorts {
  if (!deps.digest) throw new Error('Digest ports are not wired');
  return {
    store: deps.digest.store,
    ...(deps.rounds ? { rounds: deps.rounds } : {}),
    ...(deps.privacy ? { grants: deps.privacy } : {}),
  };
}

/** The card of one school's agenda, its PDF button pointing at the one-time download (GET /export/<token>). */
export function agendaCard(deps: BotDeps, a: SchoolAgenda): CardJson {
  const base = (deps.publicUrl?.() ?? '').replace(/\/+$/, '');
  return renderCard('meeting-agenda', agendaCardData(a, a.download ? `${base}/export/${a.download.token}` : undefined));
}

/** The agendas of a person's schools as cards, or the refusal (audited by the use case). */
export async function agendaCardsFor(
  deps: BotDeps,
  context: TurnContext,
  person: Person,
): Promise<{ ok: true; cards: CardJson[] } | { ok: false; text: string }> {
  const out = await meetingAgendasFor(deps.ports, agendaPortsOf(deps), person, correlationIdOf(context));
  if (!out.ok) return { ok: false, text: refusalText(out.code, await roleNamesFor(deps, person)) };
  return { ok: true, cards: out.agendas.map((a) => agendaCard(deps, a)) };
}

/**
 * `/bespreeklijst` (personal chat): the agenda of the weekly care overleg for each school where the
 * person is a prevention worker or coordinator, with an Openen button per signal and a PDF link.
 */
export async function agendaCommand(deps: BotDeps, context: TurnContext): Promise<void> {
  const out = await agendaCardsFor(deps, context, await personOf(deps, context));
  if (!out.ok) return void (await context.sendActivity(out.text));
  for (const card of out.cards) await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}
