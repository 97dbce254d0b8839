import { actorAt, type Person } from '../../app/core/actors';
import { addToOpenSignal } from '../../app/signals/add-to-open-signal';
import { addedFrom, auditOpenSignalShown, openSignalsOfPupil } from '../../app/signals/open-signal-of-pupil';
import { OBSERVATION_MAX, mayRaiseSignal, type NewSignalInput, type Signal } from '../../domain/signal';
import type { BotDeps } from '../core/bot-deps';
import { correlationIdOf } from '../core/correlation';
import { literal } from '../core/literal-text';
import { noticeCard } from '../core/notice-card';
import { pupilLabel } from '../core/pupil-label';
import { refusalText } from '../core/refusal-texts';
import { renderCard, type CardJson } from '../core/render-card';
import { roleNamesAt } from '../core/role-names';
import { formatDateTime } from '../core/texts';
import type { TurnContext } from 'botbuilder';
import type { IntakeFields } from './intake-submit-schema';
import { OT } from './open-signal-texts';

/** What the intake submit does next: raise as today, redraw the intake card with a notice, or answer this card. */
export type OpenSignalStep =
  { next: 'raise' } | { next: 'redraw'; notice: string } | { next: 'answer'; card: CardJson };

const RAISE: OpenSignalStep = { next: 'raise' };

/**
 * The step before a signal is raised (issue 16, no silent duplicates). When the pupil already has
 * an open signal, the answer is a card saying so — reference, casushouder, since when, nothing
 * else — that carries the submitted input, with two choices: add the observation to the open
 * signal (`openChoice=add`), or raise a new one anyway (`openChoice=new`). Both come back here
 * as the same `signal.submit`, so a double click is one effect: the add is kept once per
 * submission id in the signal's history, and a raise once per submission id by raiseSignal.
 */
export async function openSignalStep(
  deps: BotDeps,
  context: TurnContext,
  person: Person,
  args: {
    schoolId: string;
    pupilId: string;
    submissionId: string;
    input: Pick<NewSignalInput, 'observation' | 'reporterLevel' | 'urgency'>;
    fields: IntakeFields;
  },
): Promise<OpenSignalStep> {
  const { schoolId, pupilId, submissionId, fields } = args;
  // Only someone who may raise a signal at this school learns of an open one; raiseSignal refuses (and audits) the rest.
  if (!mayRaiseSignal(actorAt(person, schoolId))) return RAISE;
  const open = await openSignalsOfPupil(deps.ports, schoolId, pupilId, submissionId);
  const added = addedFrom(open, submissionId);
  if (added) return { next: 'answer', card: await addedCard(deps, added, OT.alreadyAdded(added.reference)) };
  if (fields.openChoice === 'new') return RAISE;
  if (fields.openChoice === 'add') {
    const target = open.find((s) => s.id === fields.openSignal);
    if (!target) return { next: 'redraw', notice: OT.openSignalGone };
    const outcome = await addToOpenSignal(deps.ports, person, {
      schoolId,
      signalId: target.id,
      submissionId,
      observation: args.input.observation,
      reporterLevel: args.input.reporterLevel,
      urgency: args.input.urgency,
      correlationId: correlationIdOf(context),
    });
    if (outcome.ok) {
      deps.kickOutbox();
      return { next: 'answer', card: await addedCard(deps, outcome.signal) };
    }
    // the other click of a double click won: the same answer as a second click after it
    if (outcome.code === 'already-added' && outcome.signal)
      return { next: 'answer', card: await addedCard(deps, outcome.signal, OT.alreadyAdded(outcome.signal.reference)) };
    if (outcome.code === 'already-closed') return { next: 'redraw', notice: OT.openSignalGone };
    return { next: 'answer', card: noticeCard(refusalText(outcome.code, await roleNamesAt(deps, schoolId))) };
  }
  const newest = open[0];
  if (!newest) return RAISE;
  await auditOpenSignalShown(deps.ports, person, newest, correlationIdOf(context));
  return { next: 'answer', card: await existsCard(deps, newest, fields, submissionId) };
}

async function ownerName(deps: BotDeps, signal: Signal): Promise<string | undefined> {
  if (!signal.ownerId) return undefined;
  const staff = await deps.ports.directory.listStaff(signal.schoolId);
  const owner = staff.find((s) => s.userId === signal.ownerId);
  return owner ? literal(owner.displayName) : undefined;
}

/** Only reference, casushouder and since when: no observation, no notes, no level of the open signal. */
async function existsCard(
  deps: BotDeps,
  signal: Signal,
  fields: IntakeFields,
  submissionId: string,
): Promise<CardJson> {
  const pupil = await deps.ports.directory.getPupil(signal.schoolId, signal.pupilId);
  const { openChoice: _c, openSignal: _s, ...input } = fields;
  // the card carries what was filled in, so nothing is lost whichever way the reporter chooses
  const submitted = { ...input, observation: input.observation.slice(0, OBSERVATION_MAX), submissionId };
  return renderCard('signal-open-exists', {
    title: OT.existsTitle(pupil ? pupilLabel(pupil) : OT.thePupil),
    intro: OT.existsIntro,
    referenceTitle: OT.referenceFact,
    reference: signal.reference,
    ownerTitle: OT.ownerFact,
    owner: (await ownerName(deps, signal)) ?? OT.notClaimed,
    sinceTitle: OT.sinceFact,
    since: formatDateTime(signal.createdAt),
    addTitle: OT.addButton,
    newTitle: OT.newButton,
    input: submitted,
    signalId: signal.id,
  });
}

async function addedCard(deps: BotDeps, signal: Signal, text?: string): Promise<CardJson> {
  const n = await roleNamesAt(deps, signal.schoolId);
  return noticeCard(
    text ?? OT.addedText(signal.reference, await ownerName(deps, signal), n),
    OT.addedTitle(signal.reference),
    'Good',
  );
}
