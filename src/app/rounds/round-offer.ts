import { OBSERVATION_MAX, type Signal } from '../../domain/signal';
import { shouldOffer } from '../../domain/rounds';
import { actOnSignal } from '../signals/act-on-signal';
import { actorAt, type Person } from '../core/actors';
import type { AppPorts } from '../core/ports';
import { previousRoundId } from './round-pages';
import type { RoundPort } from './round-ports';
import { raiseSignal } from '../signals/raise-signal';
import type { RefusalCode } from '../../domain/refusal-codes';

export type OfferOutcome =
  | { ok: true; signal: Signal; existing: boolean; claimed: boolean }
  | { ok: false; code: RefusalCode; forged?: boolean };

/**
 * The one-click offer on a saved round page (S7): a pupil scored 3, or risen by two, gets a
 * signal with the prevention worker as reporter (category 'anders', level from the score, the
 * round note as observation, normal urgency). An open signal about the pupil is shown instead of
 * a second one. With `claim` (the escalate button) the worker also claims it, so the escalation
 * form can follow at once.
 */
export async function offerSignal(
  ports: AppPorts,
  rounds: RoundPort,
  person: Person,
  args: {
    schoolId: string;
    roundId: string;
    pupilId: string;
    submissionId: string;
    claim: boolean;
    observation: (roundNo: number, level: number, note: string) => string;
    correlationId?: string;
  },
): Promise<OfferOutcome> {
  const actor = actorAt(person, args.schoolId);
  if (!actor?.roles.includes('preventionWorker')) {
    await ports.audit.record({
      schoolId: args.schoolId,
      actorId: person.userId || 'unknown',
      actorRoles: [...(actor?.roles ?? [])],
      action: 'round.offerSignal',
      correlationId: args.correlationId,
      outcome: 'refused',
      code: 'forged',
      pupilId: args.pupilId,
    });
    return { ok: false, code: 'forged', forged: true };
  }
  const round = await rounds.getRound(args.schoolId, args.roundId);
  const prevId = previousRoundId(args.roundId);
  const scores = round
    ? await rounds.scoresOf(args.schoolId, [args.roundId, ...(prevId ? [prevId] : [])], [args.pupilId])
    : [];
  const current = scores.find((s) => s.roundId === args.roundId);
  const previous = scores.find((s) => s.roundId === prevId);
  if (!round || !current || !shouldOffer(current.level, previous?.level)) return { ok: false, code: 'not-offered' };

  let signal = (await ports.signals.listOpen(args.schoolId)).find((s) => s.pupilId === args.pupilId);
  const existing = !!signal;
  if (!signal) {
    const page = (await rounds.listPages(args.schoolId, args.roundId)).find((p) =>
      p.scores.some((s) => s.pupilId === args.pupilId),
    );
    const note = page?.scores.find((s) => s.pupilId === args.pupilId)?.note ?? '';
    const raised = await raiseSignal(ports, person, {
      schoolId: args.schoolId,
      submissionId: args.submissionId,
      correlationId: args.correlationId,
      input: {
        pupilId: args.pupilId,
        categories: ['anders'],
        reporterLevel: current.level === 3 ? 3 : 2,
        observation: args.observation(round.doc.roundNo, current.level, note).slice(0, OBSERVATION_MAX),
        alreadyKnown: { pupil: false, parents: false, mentor: false },
        urgency: 'normal',
      },
    });
    if (!raised.ok) return { ok: false, code: raised.code, forged: raised.forged };
    signal = raised.signal;
  }
  let claimed = false;
  if (args.claim && signal.state === 'new') {
    const acted = await actOnSignal(ports, person, {
      schoolId: args.schoolId,
      signalId: signal.id,
      action: { type: 'claim' },
      correlationId: args.correlationId,
    });
    if (acted.ok) {
      signal = acted.signal;
      claimed = true;
    }
  }
  return { ok: true, signal, existing, claimed };
}
