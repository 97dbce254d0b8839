import type { TurnContext } from 'botbuilder';
import { viewSignal } from '../../app/signals/act-on-signal';
import { actOnEscalation } from '../../app/escalation/escalation-actions';
import type { Person } from '../../app/core/actors';
import { allowedActions } from '../../domain/signal-lifecycle';
import type { Signal } from '../../domain/signal';
import type { BotDeps } from '../core/bot-deps';
import type { CardJson } from '../core/render-card';
import { ET } from './escalation-texts';
import { refusalText } from '../core/refusal-texts';
import { escalationRefusal } from './escalation-refusal';
import { roleNamesAt } from '../core/role-names';
import { personOf } from '../core/turn';
import { correlationIdOf } from '../core/correlation';
import { escalationFormCard, type EscalationFormErrors } from './escalation-views';
import { noticeCard } from '../core/notice-card';
import { drawSignalCard, viewerAt } from '../signals/signal-card-context';
import {
  NoConsentReasonSchema,
  QuestionSchema,
  ReasonSchema,
  UrgencySchema,
  YesNoSchema,
  formFields,
} from './escalation-schemas';
import { SignalRefSchema } from '../signals/signal-action-schemas';

/** The signal, if this person may see it and may escalate it now; else the answer to give. */
async function loadForEscalation(
  deps: BotDeps,
  context: TurnContext,
  person: Person,
  schoolId: string,
  signalId: string,
): Promise<{ signal: Signal } | { answer: CardJson }> {
  const view = await viewSignal(deps.ports, person, schoolId, signalId, correlationIdOf(context));
  if (!view.ok) return { answer: noticeCard(refusalText(view.code)) };
  const viewer = viewerAt(person, schoolId)!;
  if (!viewer.roles.includes('preventionWorker')) {
    await deps.ports.audit.record({
      schoolId,
      actorId: viewer.userId,
      actorRoles: [...viewer.roles],
      action: 'signal.escalateForm',
      outcome: 'refused',
      code: 'not-allowed-role',
      signalId,
      pupilId: view.signal.pupilId,
      correlationId: correlationIdOf(context),
    });
    return { answer: noticeCard(refusalText('forged')) };
  }
  if (!allowedActions(view.signal, viewer, deps.ports.clock.now()).includes('escalate')) {
    const code =
      view.signal.state === 'escalated'
        ? 'invalid-transition'
        : view.signal.state === 'new'
          ? 'not-claimed'
          : view.signal.state === 'closed'
            ? 'already-closed'
            : 'invalid-transition';
    return { answer: await drawSignalCard(deps, viewer, view.signal, refusalText(code), 'Attention') };
  }
  return { signal: view.signal };
}

/** signal.escalateForm: the prevention worker's escalation form for this signal (S6). */
export async function escalateForm(deps: BotDeps, context: TurnContext, data: unknown): Promise<CardJson> {
  const ref = SignalRefSchema.safeParse(data);
  if (!ref.success) return noticeCard(refusalText('invalid-card'));
  const person = await personOf(deps, context);
  if (person.actors.length === 0) return noticeCard(refusalText('forged'));
  const loaded = await loadForEscalation(deps, context, person, ref.data.schoolId, ref.data.signalId);
  return 'answer' in loaded
    ? loaded.answer
    : escalationFormCard(loaded.signal, {}, {}, undefined, await roleNamesAt(deps, loaded.signal.schoolId));
}

const FIELD_OF_CODE: Record<string, keyof EscalationFormErrors> = {
  'consent-inconsistent': 'parentsConsented',
  'consent-reason-missing': 'noConsentReason',
};

/** signal.escalate: validates the form; errors come back in the same form with the input kept. */
export async function escalateSubmit(deps: BotDeps, context: TurnContext, data: unknown): Promise<CardJson> {
  const ref = SignalRefSchema.safeParse(data);
  if (!ref.success) return noticeCard(refusalText('invalid-card'));
  const person = await personOf(deps, context);
  if (person.actors.length === 0) {
    await deps.ports.audit.record({
      schoolId: ref.data.schoolId,
      actorId: person.userId || 'unknown',
      actorRoles: [],
      action: 'signal.escalate',
      outcome: 'refused',
      code: 'unknown-user',
      signalId: ref.data.signalId,
      correlationId: correlationIdOf(context),
    });
    return noticeCard(refusalText('forged'));
  }
  const loaded = await loadForEscalation(deps, context, person, ref.data.schoolId, ref.data.signalId);
  if ('answer' in loaded) return loaded.answer;
  const fields = formFields(data);
  const errors: EscalationFormErrors = {};
  const reason = ReasonSchema.safeParse(fields.reason);
  if (!reason.success) errors.reason = ET.errReason;
  const question = QuestionSchema.safeParse(fields.question);
  if (!question.success) errors.question = fields.question.trim() ? ET.errQuestionTooLong(1000) : ET.errQuestion;
  const urgency = UrgencySchema.safeParse(fields.urgency);
  if (!urgency.success) errors.urgency = ET.errUrgency;
  const informed = YesNoSchema.safeParse(fields.parentsInformed);
  if (!informed.success) errors.parentsInformed = ET.errParentsInformed;
  const consented = YesNoSchema.safeParse(fields.parentsConsented);
  if (!consented.success) errors.parentsConsented = ET.errParentsConsented;
  if (informed.success && consented.success && consented.data && !informed.data)
    errors.parentsConsented = refusalText('consent-inconsistent');
  const needsWhy = (informed.success && !informed.data) || (consented.success && !consented.data);
  const why = NoConsentReasonSchema.safeParse(fields.noConsentReason);
  if (needsWhy && !why.success)
    errors.noConsentReason = fields.noConsentReason.trim() ? ET.errTooLong : ET.errNoConsentReason;
  const keep = {
    ...fields,
    question: fields.question.slice(0, 1000),
    noConsentReason: fields.noConsentReason.slice(0, 2000),
  };
  if (Object.keys(errors).length > 0)
    return escalationFormCard(loaded.signal, keep, errors, undefined, await roleNamesAt(deps, loaded.signal.schoolId));

  const outcome = await actOnEscalation(deps.ports, person, {
    schoolId: ref.data.schoolId,
    signalId: ref.data.signalId,
    expectedVersion: ref.data.v,
    correlationId: correlationIdOf(context),
    action: {
      type: 'escalate',
      reason: reason.data!,
      question: question.data!,
      urgency: urgency.data!,
      parentsInformed: informed.data!,
      parentsConsented: consented.data!,
      ...(needsWhy ? { noConsentReason: why.data! } : {}),
    },
  });
  const viewer = viewerAt(person, ref.data.schoolId)!;
  if (!outcome.ok) {
    const field = FIELD_OF_CODE[outcome.code];
    if (field)
      return escalationFormCard(
        loaded.signal,
        keep,
        { [field]: escalationRefusal(outcome.code) },
        undefined,
        await roleNamesAt(deps, loaded.signal.schoolId),
      );
    if (outcome.forged || !outcome.signal) return noticeCard(escalationRefusal(outcome.code));
    return drawSignalCard(deps, viewer, outcome.signal, escalationRefusal(outcome.code), 'Attention');
  }
  deps.kickOutbox();
  const linked = !!(await deps.ports.directory.getSchool(ref.data.schoolId))?.doc.channels?.ot;
  return drawSignalCard(
    deps,
    viewer,
    outcome.signal,
    linked ? ET.escalated : ET.escalatedWaiting(await roleNamesAt(deps, ref.data.schoolId)),
    linked ? 'Good' : 'Warning',
  );
}
