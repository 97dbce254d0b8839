import type { TurnContext } from 'botbuilder';
import { actOnSignal } from '../../app/signals/act-on-signal';
import { actOnEscalation } from '../../app/escalation/escalation-actions';
import { detailsMessage, escalationNumber } from '../../app/escalation/escalation-messages';
import { actorAt, type Person } from '../../app/core/actors';
import type { SignalAction } from '../../domain/signal-lifecycle';
import type { Signal } from '../../domain/signal';
import type { RoleNames } from '../../domain/role-labels';
import type { BotDeps } from '../core/bot-deps';
import type { CardJson } from '../core/render-card';
import { ET } from './escalation-texts';
import { T } from '../core/texts';
import { refusalText } from '../core/refusal-texts';
import { escalationRefusal } from './escalation-refusal';
import { roleNamesAt } from '../core/role-names';
import { isPersonal, personOf } from '../core/turn';
import { correlationIdOf } from '../core/correlation';
import { escalationChannelCard, escalationDetailsCard } from './escalation-views';
import { noticeCard } from '../core/notice-card';
import { DeEscalateSchema, EscalationRefSchema, type EscalationRef } from './escalation-schemas';
import { noteParser } from '../signals/signal-handling-parsers';
import { refusalCodeOf, type RefusalCode } from '../../domain/refusal-codes';

type Color = 'Default' | 'Attention' | 'Good' | 'Warning';
const isSupportTeam = (person: Person, schoolId: string) => !!actorAt(person, schoolId)?.roles.includes('supportTeam');

/**
 * The card to answer with. In a channel ALWAYS the minimal channel card, whoever clicked: an
 * invoke answer there replaces the post everyone sees. The full case only in a personal chat,
 * and only for the school's OT.
 */
async function answerCard(
  deps: BotDeps,
  context: TurnContext,
  person: Person,
  signal: Signal,
  n: number,
  message?: string,
  color: Color = 'Default',
): Promise<CardJson> {
  const staff = await deps.ports.directory.listStaff(signal.schoolId);
  const names = await roleNamesAt(deps, signal.schoolId);
  if (isPersonal(context) && isSupportTeam(person, signal.schoolId)) {
    const pupil = await deps.ports.directory.getPupil(signal.schoolId, signal.pupilId);
    return (
      escalationDetailsCard({
        signal,
        n,
        staff,
        pupil,
        viewer: actorAt(person, signal.schoolId)!,
        now: deps.ports.clock.now(),
        message,
        messageColor: color,
        names,
      }) ?? noticeCard(escalationRefusal('escalation-old'))
    );
  }
  const school = (await deps.ports.directory.getSchool(signal.schoolId))?.doc;
  const pupil =
    school?.channelPostDetail === 'initialsAndClass'
      ? await deps.ports.directory.getPupil(signal.schoolId, signal.pupilId)
      : undefined;
  return (
    escalationChannelCard({ signal, n, staff, pupil, message, messageColor: color, names }) ??
    noticeCard(escalationRefusal('escalation-old'))
  );
}

type Loaded = { ref: EscalationRef; person: Person; signal: Signal };

/** Parses the card's reference, resolves the person and loads the signal with that escalation. */
async function load(
  deps: BotDeps,
  context: TurnContext,
  data: unknown,
  action: string,
): Promise<Loaded | { answer: CardJson }> {
  const ref = EscalationRefSchema.safeParse(data);
  if (!ref.success) return { answer: noticeCard(refusalText('invalid-card')) };
  const person = await personOf(deps, context);
  const signal = (await deps.ports.signals.get(ref.data.schoolId, ref.data.signalId))?.doc;
  if (!signal || !signal.escalation || ref.data.n > escalationNumber(signal)) {
    await deps.ports.audit.record({
      schoolId: ref.data.schoolId,
      actorId: person.userId || 'unknown',
      actorRoles: [...(actorAt(person, ref.data.schoolId)?.roles ?? [])],
      action,
      outcome: 'refused',
      code: 'signal-unknown',
      signalId: ref.data.signalId,
      correlationId: correlationIdOf(context),
    });
    return { answer: noticeCard(refusalText('signal-unknown')) };
  }
  return { ref: ref.data, person, signal };
}

/** An action on escalation `n` while a later one is current: the old card, with a clear word. */
const isOld = (l: Loaded) => l.ref.n !== escalationNumber(l.signal);

async function act(
  deps: BotDeps,
  context: TurnContext,
  data: unknown,
  verb: string,
  build: (data: Record<string, unknown>) => { ok: true; action: SignalAction } | { ok: false; code: RefusalCode },
  success: (n: RoleNames) => string,
): Promise<CardJson> {
  const l = await load(deps, context, data, verb);
  if ('answer' in l) return l.answer;
  if (isOld(l))
    return answerCard(deps, context, l.person, l.signal, l.ref.n, escalationRefusal('escalation-old'), 'Attention');
  const parsed = build((data ?? {}) as Record<string, unknown>);
  if (!parsed.ok)
    return answerCard(deps, context, l.person, l.signal, l.ref.n, escalationRefusal(parsed.code), 'Attention');
  const args = { schoolId: l.ref.schoolId, signalId: l.ref.signalId, correlationId: correlationIdOf(context) };
  const outcome =
    parsed.action.type === 'note'
      ? await actOnSignal(deps.ports, l.person, { ...args, action: parsed.action })
      : await actOnEscalation(deps.ports, l.person, {
          ...args,
          action: parsed.action as Parameters<typeof actOnEscalation>[2]['action'],
        });
  if (!outcome.ok) {
    const current = outcome.signal ?? l.signal;
    const code =
      outcome.code === 'invalid-transition' && current.escalation?.status === 'returned'
        ? 'escalation-returned'
        : outcome.code;
    return answerCard(
      deps,
      context,
      l.person,
      current,
      l.ref.n,
      escalationRefusal(code, await roleNamesAt(deps, current.schoolId)),
      'Attention',
    );
  }
  deps.kickOutbox();
  return answerCard(
    deps,
    context,
    l.person,
    outcome.signal,
    l.ref.n,
    success(await roleNamesAt(deps, outcome.signal.schoolId)),
    'Good',
  );
}

/** escalation.claim (Oppakken): the first OT member owns it; a second click hears who did. */
export const escalationClaim = (deps: BotDeps, context: TurnContext, data: unknown): Promise<CardJson> =>
  act(
    deps,
    context,
    data,
    'escalation.claim',
    () => ({ ok: true, action: { type: 'claimEscalation' } }),
    ET.claimedYou,
  );

/** escalation.note: an OT member's note in the case history (care roles only). */
export const escalationNote = (deps: BotDeps, context: TurnContext, data: unknown): Promise<CardJson> =>
  act(deps, context, data, 'escalation.note', noteParser, () => ET.noteSaved);

/** escalation.deEscalate (Afschalen): back to the prevention worker in waakvlam, with the OT's summary. */
export const escalationDeEscalate = (deps: BotDeps, context: TurnContext, data: unknown): Promise<CardJson> =>
  act(
    deps,
    context,
    data,
    'escalation.deEscalate',
    (d) => {
      const r = DeEscalateSchema.safeParse(d);
      if (!r.success) return { ok: false, code: refusalCodeOf(r.error.issues[0]?.message) };
      return { ok: true, action: { type: 'deEscalate', summary: r.data.summary, checkInDate: r.data.checkInDate } };
    },
    ET.deEscalated,
  );

/**
 * escalation.details: the full case goes to the clicker's personal chat, after checking they are
 * in the school's OT. The channel card itself never shows it; anyone else gets a polite refusal
 * and an audit entry.
 */
export async function escalationDetails(deps: BotDeps, context: TurnContext, data: unknown): Promise<CardJson> {
  const l = await load(deps, context, data, 'escalation.details');
  if ('answer' in l) return l.answer;
  const { ref, person, signal } = l;
  const actor = actorAt(person, ref.schoolId);
  const audit = (outcome: 'ok' | 'refused', code?: string) =>
    deps.ports.audit.record({
      schoolId: ref.schoolId,
      actorId: person.userId || 'unknown',
      actorRoles: [...(actor?.roles ?? [])],
      action: 'escalation.details',
      outcome,
      code,
      signalId: signal.id,
      pupilId: signal.pupilId,
      correlationId: correlationIdOf(context),
    });
  if (!actor || !actor.roles.includes('supportTeam')) {
    await audit('refused', 'escalation-not-ot');
    return answerCard(
      deps,
      context,
      person,
      signal,
      ref.n,
      escalationRefusal('escalation-not-ot', await roleNamesAt(deps, signal.schoolId)),
      'Attention',
    );
  }
  if (isOld(l))
    return answerCard(deps, context, person, signal, ref.n, escalationRefusal('escalation-old'), 'Attention');
  const requestId = String(context.activity.id ?? deps.ports.clock.now().getTime()).slice(0, 80);
  await deps.outbox.enqueue(ref.schoolId, [detailsMessage(signal, actor.userId, requestId)], deps.ports.clock.now());
  await audit('ok');
  deps.kickOutbox();
  const hasChat = !!(await deps.conversations.getConversation(ref.schoolId, actor.userId));
  return answerCard(
    deps,
    context,
    person,
    signal,
    ref.n,
    hasChat ? ET.detailsSent : ET.detailsWaiting,
    hasChat ? 'Good' : 'Warning',
  );
}

/** On the school's roster, and clicking from the school's own tenant. */
async function isMemberOfSchool(
  deps: BotDeps,
  context: TurnContext,
  person: Person,
  schoolId: string,
): Promise<boolean> {
  if (!actorAt(person, schoolId)) return false;
  const schoolTenant = (await deps.ports.directory.getSchool(schoolId))?.doc.tenantId;
  return !schoolTenant || schoolTenant === context.activity.conversation?.tenantId;
}

/**
 * escalation.refresh: the channel card in a channel; the full case in an OT member's personal
 * chat. Only members of the school see even the channel card; anyone else gets the neutral notice.
 */
export async function escalationRefresh(deps: BotDeps, context: TurnContext, data: unknown): Promise<CardJson> {
  const ref = EscalationRefSchema.safeParse(data);
  if (!ref.success) return noticeCard(refusalText('invalid-card'));
  const person = await personOf(deps, context);
  if (!(await isMemberOfSchool(deps, context, person, ref.data.schoolId))) {
    await deps.ports.audit.record({
      schoolId: ref.data.schoolId,
      actorId: person.userId || 'unknown',
      actorRoles: [],
      action: 'escalation.view',
      outcome: 'refused',
      code: 'not-member',
      signalId: ref.data.signalId,
      correlationId: correlationIdOf(context),
    });
    return noticeCard(T.cardUnavailable);
  }
  const l = await load(deps, context, data, 'escalation.refresh');
  if ('answer' in l) return l.answer;
  if (isPersonal(context)) {
    if (!isSupportTeam(l.person, l.ref.schoolId)) {
      await deps.ports.audit.record({
        schoolId: l.ref.schoolId,
        actorId: l.person.userId || 'unknown',
        actorRoles: [...(actorAt(l.person, l.ref.schoolId)?.roles ?? [])],
        action: 'escalation.view',
        outcome: 'refused',
        code: 'escalation-not-ot',
        signalId: l.signal.id,
        correlationId: correlationIdOf(context),
      });
      return noticeCard(escalationRefusal('escalation-not-ot', await roleNamesAt(deps, l.signal.schoolId)));
    }
    const actor = actorAt(l.person, l.ref.schoolId)!;
    await deps.ports.audit.record({
      schoolId: l.ref.schoolId,
      actorId: actor.userId,
      actorRoles: [...actor.roles],
      action: 'escalation.view',
      outcome: 'ok',
      signalId: l.signal.id,
      pupilId: l.signal.pupilId,
      correlationId: correlationIdOf(context),
    });
  }
  return answerCard(deps, context, l.person, l.signal, l.ref.n);
}
