import { createHash } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { offerSignal } from '../../app/rounds/round-offer';
import { correlationIdOf } from '../core/correlation';
import type { BotDeps } from '../core/bot-deps';
import type { CardJson } from '../core/render-card';
import { RT } from './round-texts';
import { refusalText } from '../core/refusal-texts';
import { roleNamesAt } from '../core/role-names';
import { personOf } from '../core/turn';
import { escalateForm } from '../escalation/escalation-form';
import { noticeCard } from '../core/notice-card';
import { roundsOf } from './round-command';
import { OfferSchema } from './round-schemas';
import { drawSignalCard, viewerAt } from '../signals/signal-card-context';

/** A stable submission id per (school, round, pupil, worker): a double click raises one signal. */
const submissionIdOf = (...parts: string[]): string => {
  const h = createHash('sha256').update(parts.join('|')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

/**
 * round.offerSignal: the one-click offer on a saved page. 'signal' opens a signal and shows its
 * card; 'escalate' also claims it for the worker and answers with the OT escalation form.
 */
export async function roundOfferSignal(deps: BotDeps, context: TurnContext, data: unknown): Promise<CardJson> {
  const parsed = OfferSchema.safeParse(data);
  if (!parsed.success) return noticeCard(refusalText('invalid-card'));
  const { schoolId, roundId, pupilId, mode } = parsed.data;
  const person = await personOf(deps, context);
  const outcome = await offerSignal(deps.ports, roundsOf(deps), person, {
    schoolId,
    roundId,
    pupilId,
    submissionId: submissionIdOf(schoolId, roundId, pupilId, person.userId),
    claim: mode === 'escalate',
    observation: RT.offerObservation,
    correlationId: correlationIdOf(context),
  });
  if (!outcome.ok) return noticeCard(refusalText(outcome.forged ? 'forged' : outcome.code));
  deps.kickOutbox();
  const viewer = viewerAt(person, schoolId)!;
  if (mode === 'escalate' && (outcome.claimed || outcome.signal.ownerId === person.userId)) {
    return escalateForm(deps, context, { signalId: outcome.signal.id, schoolId });
  }
  return drawSignalCard(
    deps,
    viewer,
    outcome.signal,
    outcome.existing ? RT.offerExisting : RT.offerCreated(await roleNamesAt(deps, schoolId)),
    outcome.existing ? 'Default' : 'Good',
  );
}
