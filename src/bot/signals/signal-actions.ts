import type { TurnContext } from 'botbuilder';
import { actOnSignal, viewSignal } from '../../app/signals/act-on-signal';
import type { SignalAction } from '../../domain/signal-lifecycle';
import type { RoleNames } from '../../domain/role-labels';
import { correlationIdOf } from '../core/correlation';
import type { BotDeps } from '../core/bot-deps';
import type { CardJson } from '../core/render-card';
import { T } from '../core/texts';
import { refusalText } from '../core/refusal-texts';
import { roleNamesAt } from '../core/role-names';
import { personOf } from '../core/turn';
import { noticeCard } from '../core/notice-card';
import { SignalRefSchema, type SignalRef } from './signal-action-schemas';
import { drawSignalCard, viewerAt } from './signal-card-context';
import type { RefusalCode } from '../../domain/refusal-codes';

/** Turns a card submit into a lifecycle action, or a Dutch field problem. */
export type ActionParser = (
  data: Record<string, unknown>,
) => { ok: true; action: SignalAction } | { ok: false; code: RefusalCode };

/**
 * One handler for every lifecycle verb: parse the card's reference fields, resolve the person,
 * act through the use case, and answer with the signal card as it now stands for this viewer.
 */
export async function signalAction(
  deps: BotDeps,
  context: TurnContext,
  data: unknown,
  parse: ActionParser,
  successMessage?: string | ((n: RoleNames) => string),
): Promise<CardJson> {
  const ref = SignalRefSchema.safeParse(data);
  if (!ref.success) return noticeCard(refusalText('invalid-card'));
  const person = await personOf(deps, context);
  if (person.actors.length === 0) {
    await deps.ports.audit.record({
      schoolId: ref.data.schoolId,
      actorId: person.userId || 'unknown',
      actorRoles: [],
      action: 'signal.action',
      outcome: 'refused',
      code: 'unknown-user',
      signalId: ref.data.signalId,
      correlationId: correlationIdOf(context),
    });
    return noticeCard(refusalText('forged'));
  }
  const parsed = parse((data ?? {}) as Record<string, unknown>);
  if (!parsed.ok) return currentCard(deps, context, person, ref.data, refusalText(parsed.code), 'Attention');
  const outcome = await actOnSignal(deps.ports, person, {
    schoolId: ref.data.schoolId,
    signalId: ref.data.signalId,
    action: parsed.action,
    expectedVersion: ref.data.v,
    correlationId: correlationIdOf(context),
  });
  if (!outcome.ok) {
    if (outcome.forged || !outcome.signal) return noticeCard(refusalText(outcome.code));
    const viewer = viewerAt(person, ref.data.schoolId)!;
    return drawSignalCard(
      deps,
      viewer,
      outcome.signal,
      refusalText(outcome.code, await roleNamesAt(deps, outcome.signal.schoolId)),
      'Attention',
    );
  }
  deps.kickOutbox();
  const message =
    typeof successMessage === 'function' ? successMessage(await roleNamesAt(deps, ref.data.schoolId)) : successMessage;
  return drawSignalCard(deps, viewerAt(person, ref.data.schoolId)!, outcome.signal, message, 'Good');
}

async function currentCard(
  deps: BotDeps,
  context: TurnContext,
  person: Awaited<ReturnType<typeof personOf>>,
  ref: SignalRef,
  message: string,
  color: 'Attention' | 'Good',
): Promise<CardJson> {
  const view = await viewSignal(deps.ports, person, ref.schoolId, ref.signalId, correlationIdOf(context));
  if (!view.ok) return noticeCard(refusalText(view.code));
  return drawSignalCard(deps, viewerAt(person, ref.schoolId)!, view.signal, message, color);
}

/** signal.refresh: the current card for whoever looks at it (Universal Actions refresh). */
export async function signalRefresh(deps: BotDeps, context: TurnContext, data: unknown): Promise<CardJson> {
  const ref = SignalRefSchema.safeParse(data);
  if (!ref.success) return noticeCard(refusalText('invalid-card'));
  const person = await personOf(deps, context);
  const view = await viewSignal(deps.ports, person, ref.data.schoolId, ref.data.signalId, correlationIdOf(context));
  if (!view.ok) return noticeCard(refusalText(view.code));
  return drawSignalCard(deps, viewerAt(person, ref.data.schoolId)!, view.signal);
}

export const claimParser: ActionParser = () => ({ ok: true, action: { type: 'claim' } });
export const CLAIM_SUCCESS = T.claimedYou;
