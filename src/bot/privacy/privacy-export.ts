import type { TurnContext } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import { requestPupilExport } from '../../app/privacy/pupil-export';
import type { BotDeps } from '../core/bot-deps';
import { renderCard } from '../core/render-card';
import { PT } from './privacy-texts';
import { refusalText } from '../core/refusal-texts';
import { formatDateTime } from '../core/texts';
import { roleNamesFor } from '../core/role-names';
import { personOf } from '../core/turn';
import { correlationIdOf } from '../core/correlation';
import { pupilLabel } from '../core/pupil-label';
import { privacyOf, pupilNumberArg } from './privacy-common';

/**
 * /inzage <leerlingnummer>: a card with what is held (counts) and a one-time download link to the
 * full export as a Markdown file (GET /export/<token>, 10 minutes, bound to this coordinator).
 * Why a link: a bot cannot attach a file in a personal chat without the OneDrive file-consent
 * flow, and a card cannot hold a full export within Teams' 28 KB limit.
 */
export async function exportCommand(deps: BotDeps, context: TurnContext, args: string): Promise<void> {
  const privacy = await privacyOf(deps, context);
  const number = privacy && (await pupilNumberArg(context, 'inzage', args));
  if (!privacy || !number) return;
  const person = await personOf(deps, context);
  const outcome = await requestPupilExport(deps.ports, privacy, person, number, correlationIdOf(context));
  if (!outcome.ok) {
    await context.sendActivity(refusalText(outcome.code, await roleNamesFor(deps, person)));
    return;
  }
  const x = outcome.export;
  const base = (deps.publicUrl?.() ?? '').replace(/\/+$/, '');
  const card = renderCard('pupil-export', {
    title: PT.exportTitle(pupilLabel(x.pupil)),
    intro: PT.exportIntro,
    facts: [
      { title: PT.countsSignals, value: String(x.signals.length) },
      { title: PT.countsScores, value: String(x.scores.length) },
      { title: PT.countsDeliveries, value: String(x.signals.reduce((n, s) => n + s.deliveries.length, 0)) },
      { title: PT.countsAudit, value: String(x.audit.length) },
    ],
    validUntil: PT.exportValidUntil(formatDateTime(outcome.expiresAt)),
    button: PT.exportButton,
    url: `${base}/export/${outcome.token}`,
  });
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}
