import type { TurnContext } from 'botbuilder';
import type { NewSignalInput } from '../../domain/signal';
import { OBSERVATION_MAX } from '../../domain/signal';
import { raiseSignal } from '../../app/signals/raise-signal';
import { correlationIdOf } from '../core/correlation';
import type { BotDeps } from '../core/bot-deps';
import { renderCard, type CardJson } from '../core/render-card';
import { noticeCard } from '../core/notice-card';
import { CATEGORY_LABELS, FIELD_ERRORS, LEVEL_LABELS, T } from '../core/texts';
import { refusalText } from '../core/refusal-texts';
import type { RefusalCode } from '../../domain/refusal-codes';
import { roleNamesAt, roleNamesFor } from '../core/role-names';
import { personOf } from '../core/turn';
import { intakeCard, type IntakeErrors } from './intake-view';
import { parsePupilChoice, pupilLabel } from '../core/pupil-label';
import { ownPupils } from './signal-intake';
import { SCHOOL_ID, schoolChoicesOf, schoolOfSubmit } from './school-board';
import {
  CategoriesSchema,
  IntakeEnvelopeSchema,
  LevelSchema,
  ObservationSchema,
  UrgencySchema,
  coerceFields,
} from './intake-submit-schema';
import { literal } from '../core/literal-text';
import { openSignalStep } from './intake-open-signal';

/** signal.submit: validate, store, and answer with the confirmation (or the same card with errors). */
export async function intakeSubmit(deps: BotDeps, context: TurnContext, data: unknown): Promise<CardJson> {
  const person = await personOf(deps, context);
  if (person.actors.length === 0) return noticeCard(T.notAStaffMember);
  const envelope = IntakeEnvelopeSchema.safeParse(data);
  if (!envelope.success) return noticeCard(refusalText('invalid-card'));
  const fields = coerceFields(data);
  if (fields.school && !SCHOOL_ID.test(fields.school)) return noticeCard(refusalText('invalid-card'));
  const errors: IntakeErrors = {};
  const choice = parsePupilChoice(fields.pupil);
  if (!choice) errors.pupil = FIELD_ERRORS.pupilRequired;
  // a board member's card names the school; its pupil must be of that school
  const target = schoolOfSubmit(person, fields.school, choice?.schoolId ?? '');
  if (choice && target.mismatch) errors.pupil = FIELD_ERRORS.pupilNotAtChosenSchool;
  const categories = CategoriesSchema.safeParse(fields.categories);
  if (!categories.success) errors.categories = FIELD_ERRORS.categoriesRequired;
  const level = LevelSchema.safeParse(fields.level);
  if (!level.success) errors.level = FIELD_ERRORS.levelRequired;
  const observation = ObservationSchema.safeParse(fields.observation);
  if (!observation.success)
    errors.observation = fields.observation.trim()
      ? FIELD_ERRORS.observationTooLong(OBSERVATION_MAX)
      : FIELD_ERRORS.observationRequired;
  const urgency = UrgencySchema.safeParse(fields.urgency);
  if (!urgency.success) errors.urgency = FIELD_ERRORS.urgencyRequired;

  const redraw = async (errs: IntakeErrors, notice?: string) => {
    const typeAhead = !deps.isPlayground(context.activity.serviceUrl);
    const own = await ownPupils(deps, person);
    // Keep the chosen pupil among the static choices so the redraw shows it selected.
    let pupils = own;
    if (
      choice &&
      !own.some((p) => p.schoolId === choice.schoolId && p.id === choice.pupilId) &&
      person.actors.some((a) => a.schoolId === choice.schoolId)
    ) {
      const p = await deps.ports.directory.getPupil(choice.schoolId, choice.pupilId);
      if (p) pupils = [p, ...own];
    }
    const keep = { ...fields, observation: fields.observation.slice(0, OBSERVATION_MAX) };
    return intakeCard({
      pupils,
      typeAhead,
      submissionId: envelope.data.submissionId,
      values: keep,
      errors: errs,
      notice,
      names: await roleNamesFor(deps, person),
      schools: await schoolChoicesOf(deps, person),
    });
  };

  if (Object.keys(errors).length > 0 || !choice) return redraw(errors);
  const input: NewSignalInput = {
    pupilId: choice.pupilId,
    categories: categories.data!,
    reporterLevel: level.data!,
    observation: observation.data!,
    alreadyKnown: {
      pupil: fields.knowsPupil === 'true',
      parents: fields.knowsParents === 'true',
      mentor: fields.knowsMentor === 'true',
    },
    urgency: urgency.data!,
  };
  // issue 16: a pupil with an open signal gets the choice first (a separate step before raising)
  const step = await openSignalStep(deps, context, person, {
    schoolId: target.schoolId,
    pupilId: input.pupilId,
    submissionId: envelope.data.submissionId,
    input,
    fields,
  });
  if (step.next === 'answer') return step.card;
  if (step.next === 'redraw') return redraw({}, step.notice);
  const outcome = await raiseSignal(deps.ports, person, {
    schoolId: target.schoolId,
    submissionId: envelope.data.submissionId,
    input,
    correlationId: correlationIdOf(context),
  });
  if (!outcome.ok) {
    if (outcome.forged || outcome.code === 'not-staff') return noticeCard(refusalText(outcome.code));
    const fieldOf: Partial<Record<RefusalCode, keyof IntakeErrors>> = {
      'pupil-unknown': 'pupil',
      'pupil-other-school': 'pupil',
      'pupil-left': 'pupil',
      'no-category': 'categories',
      'observation-empty': 'observation',
      'observation-too-long': 'observation',
    };
    const field = fieldOf[outcome.code];
    return redraw(field ? { [field]: refusalText(outcome.code) } : {}, field ? undefined : refusalText(outcome.code));
  }
  deps.kickOutbox();
  const s = outcome.signal;
  const staff = await deps.ports.directory.listStaff(s.schoolId);
  const names = (
    outcome.preventionWorkers.map((id) => staff.find((m) => m.userId === id)?.displayName).filter(Boolean) as string[]
  ).map(literal);
  const pupil = outcome.pupil ?? (await deps.ports.directory.getPupil(s.schoolId, s.pupilId));
  const n = await roleNamesAt(deps, s.schoolId);
  return renderCard('signal-confirmation', {
    title: T.confirmationTitle(s.reference),
    notice: outcome.duplicate ? T.duplicateSubmit : '',
    reference: s.reference,
    pupil: pupil ? pupilLabel(pupil) : '—',
    categories: s.categories.map((c) => CATEGORY_LABELS[c] ?? c).join(', '),
    level: LEVEL_LABELS[s.reporterLevel],
    status: 'Ontvangen',
    sentTo: names.length ? T.confirmationSentTo(names.join(', '), n) : T.confirmationNoWorkers(n),
    duoReminder: outcome.duoAbsenceReminder ? T.duoReminder(n) : '',
    follow: T.confirmationFollow,
  });
}
