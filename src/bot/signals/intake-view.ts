import { randomUUID } from 'node:crypto';
import { CATEGORIES, OBSERVATION_MAX, URGENCIES } from '../../domain/signal';
import type { PupilRecord } from '../../app/core/ports';
import type { RoleNames } from '../../domain/role-labels';
import { renderCard, type CardJson } from '../core/render-card';
import { CATEGORY_LABELS, FIELD_ERRORS, T, URGENCY_LABELS } from '../core/texts';
import { pupilChoiceValue, pupilLabel } from '../core/pupil-label';

/** One of a board member's schools, as the intake card offers it. */
export interface SchoolChoice {
  title: string;
  value: string;
}

export interface IntakeValues {
  /** the school the signal is for, when the person works at several (a school board) */
  school: string;
  pupil: string;
  categories: string;
  level: string;
  observation: string;
  knowsPupil: string;
  knowsParents: string;
  knowsMentor: string;
  urgency: string;
}
export type IntakeErrors = Partial<Record<'pupil' | 'categories' | 'level' | 'observation' | 'urgency', string>>;

export const EMPTY_VALUES: IntakeValues = {
  school: '',
  pupil: '',
  categories: '',
  level: '',
  observation: '',
  knowsPupil: 'false',
  knowsParents: 'false',
  knowsMentor: 'false',
  urgency: 'normal',
};

/** The /signaal intake card (S3), fresh or re-drawn with errors and the user's input kept. */
export function intakeCard(opts: {
  pupils: PupilRecord[];
  typeAhead: boolean;
  submissionId?: string;
  values?: Partial<IntakeValues>;
  errors?: IntakeErrors;
  notice?: string;
  /** the school's role words (the intro names the prevention workers) */
  names?: RoleNames;
  /** the person's schools when there are several: the card asks which, and names each pupil's school */
  schools?: SchoolChoice[];
}): CardJson {
  const schools = opts.schools ?? [];
  const errors = opts.errors ?? {};
  const hasErrors = Object.values(errors).some(Boolean);
  return renderCard('signal-intake', {
    title: T.intakeTitle,
    intro:
      opts.pupils.length === 0 && !opts.typeAhead
        ? `${T.intakeIntro(opts.names)}\n\n${T.intakeNoPupils}`
        : T.intakeIntro(opts.names),
    formError: opts.notice ?? (hasErrors ? T.intakeFixErrors : ''),
    typeAhead: opts.typeAhead,
    observationMax: OBSERVATION_MAX,
    submissionId: opts.submissionId ?? randomUUID(),
    schoolChoices: schools,
    // a board member's type-ahead sends the chosen school along (Data.Query associatedInputs)
    associatedInputs: schools.length > 1 ? 'auto' : 'none',
    labels: {
      schoolRequired: FIELD_ERRORS.schoolRequired,
      pupilRequired: FIELD_ERRORS.pupilRequired,
      categoriesRequired: FIELD_ERRORS.categoriesRequired,
      levelRequired: FIELD_ERRORS.levelRequired,
      observationRequired: FIELD_ERRORS.observationRequired,
      urgencyRequired: FIELD_ERRORS.urgencyRequired,
    },
    values: { ...EMPTY_VALUES, ...opts.values },
    errors: {
      pupil: errors.pupil ?? '',
      categories: errors.categories ?? '',
      level: errors.level ?? '',
      observation: errors.observation ?? '',
      urgency: errors.urgency ?? '',
    },
    pupilChoices: opts.pupils.map((p) => ({ title: pupilChoiceTitle(p, schools), value: pupilChoiceValue(p) })),
    categoryChoices: CATEGORIES.map((c) => ({ title: CATEGORY_LABELS[c] ?? c, value: c })),
    urgencyChoices: URGENCIES.map((u) => ({ title: URGENCY_LABELS[u] ?? u, value: u })),
  });
}

/** A pupil as a choice: with the school's name when the person works at several schools. */
export function pupilChoiceTitle(p: PupilRecord, schools: SchoolChoice[]): string {
  const school = schools.length > 1 ? schools.find((c) => c.value === p.schoolId)?.title : undefined;
  return school ? `${pupilLabel(p)} — ${school}` : pupilLabel(p);
}
