import type { TurnContext } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import { z } from 'zod';
import { erasePupil, previewErasure, type ErasureCounts } from '../../app/privacy/erase-pupil';
import type { PupilRecord } from '../../app/core/ports';
import type { BotDeps } from '../core/bot-deps';
import { renderCard, type CardJson } from '../core/render-card';
import { PT } from './privacy-texts';
import { refusalText } from '../core/refusal-texts';
import { roleNamesFor } from '../core/role-names';
import { personOf } from '../core/turn';
import { correlationIdOf } from '../core/correlation';
import { pupilLabel } from '../core/pupil-label';
import { noticeCard } from '../core/notice-card';
import { privacyOf, pupilNumberArg } from './privacy-common';

function eraseCard(pupil: PupilRecord, counts: ErasureCounts, error = ''): CardJson {
  return renderCard('erase-confirm', {
    title: PT.eraseTitle(pupilLabel(pupil)),
    intro: PT.eraseIntro,
    facts: [
      { title: PT.countsSignals, value: String(counts.signals) },
      { title: PT.countsScores, value: String(counts.scores) },
      { title: PT.countsDeliveries, value: String(counts.deliveries) },
      { title: PT.countsAudit, value: String(counts.audit) },
    ],
    error,
    confirmLabel: PT.eraseConfirmLabel,
    button: PT.eraseButton,
    schoolId: pupil.schoolId,
    pupilId: pupil.id,
  });
}

/** /vergeet <leerlingnummer>: the confirmation card with what an erasure would remove (S9). */
export async function eraseCommand(deps: BotDeps, context: TurnContext, args: string): Promise<void> {
  const privacy = await privacyOf(deps, context);
  const number = privacy && (await pupilNumberArg(context, 'vergeet', args));
  if (!privacy || !number) return;
  const person = await personOf(deps, context);
  const preview = await previewErasure(deps.ports, privacy, person, number, correlationIdOf(context));
  if (!preview.ok) {
    await context.sendActivity(refusalText(preview.code, await roleNamesFor(deps, person)));
    return;
  }
  await context.sendActivity(
    MessageFactory.attachment(CardFactory.adaptiveCard(eraseCard(preview.pupil, preview.counts))),
  );
}

const EraseSubmitSchema = z.object({
  schoolId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  pupilId: z.string().regex(/^pupil:[A-Za-z0-9_-]{1,64}$/),
  confirmNumber: z.string().max(64).default(''),
});

/** pupil.erase ('Definitief wissen'): erases after the typed pupil number matches. */
export async function eraseSubmit(deps: BotDeps, context: TurnContext, data: unknown): Promise<CardJson> {
  const parsed = EraseSubmitSchema.safeParse(data);
  if (!parsed.success) return noticeCard(refusalText('invalid-card'));
  if (!deps.privacy) return noticeCard(refusalText('privacy-unavailable'));
  const person = await personOf(deps, context);
  const outcome = await erasePupil(deps.ports, deps.privacy, person, {
    schoolId: parsed.data.schoolId,
    pupilId: parsed.data.pupilId,
    typedNumber: parsed.data.confirmNumber,
    correlationId: correlationIdOf(context),
  });
  if (!outcome.ok) {
    if (outcome.code === 'erase-confirmation-mismatch' && outcome.pupil && outcome.counts)
      return eraseCard(outcome.pupil, outcome.counts, refusalText(outcome.code));
    if (outcome.code === 'pupil-erased') return noticeCard(refusalText(outcome.code), 'Waakvlam', 'Default');
    return noticeCard(refusalText(outcome.code, await roleNamesFor(deps, person)));
  }
  deps.kickOutbox();
  return noticeCard(PT.erased(outcome.counts), PT.erasedTitle, 'Good');
}
