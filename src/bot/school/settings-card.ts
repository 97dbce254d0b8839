import { roundWindowsAt } from '../../app/rounds/round-pages';
import type { SchoolSettings } from '../../app/school/school-settings';
import { CHANNEL_POST_DETAILS, HOLIDAY_REGIONS, WEEKDAY_NAMES } from '../../app/school/settings-file-schema';
import { DEFAULT_ROLE_LABELS, ROLE_LABEL_KEYS } from '../../domain/role-labels';
import { renderCard, type CardJson } from '../core/render-card';
import { formatDate } from '../core/texts';
import {
  NO_REGION,
  NUMBER_FIELDS,
  ROUND_NUMBERS,
  formFromSettings,
  labelInput,
  roundInput,
  type SettingsForm,
} from './settings-form';
import { ST } from './settings-texts';

export interface SettingsCardState {
  /** what the inputs show: the stored settings, or what the person submitted (kept on an error) */
  form?: SettingsForm;
  /** error per input key (see errorKeyOf); '' = the card as a whole */
  errors?: Record<string, string>;
  status?: { text: string; color: 'Good' | 'Attention' | 'Warning' };
}

/** Monday first, as a Dutch week is read. */
const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];

/** The `/instellingen` card of one school, with its version (the ETag) on the Save action. */
export function schoolSettingsCard(
  settings: SchoolSettings,
  version: string,
  year: number,
  now: Date,
  state: SettingsCardState = {},
): CardJson {
  const form = state.form ?? formFromSettings(settings, year);
  const errors = state.errors ?? {};
  const err = (k: string) => errors[k] ?? '';
  const usesDefaults = ROUND_NUMBERS.every((n) => !form[roundInput(n, 'Open')] && !form[roundInput(n, 'Deadline')]);
  const defaults = usesDefaults
    ? ST.roundsDefault(
        roundWindowsAt({ ...settings, roundWindows: {} }, now)
          .map((w) => `${w.roundNo}: ${formatDate(w.opensOn)} t/m ${formatDate(w.deadline)}`)
          .join('; '),
      )
    : '';
  const topError = err('');
  return renderCard('school-settings', {
    title: ST.title(settings.name),
    intro: ST.intro,
    status: [state.status?.text, topError].filter(Boolean).join(' '),
    statusColor: state.status?.color ?? (topError ? 'Attention' : 'Default'),
    facts: [
      { title: ST.factSchoolId, value: settings.schoolId },
      { title: ST.factTenant, value: settings.tenantId },
    ],
    schoolId: settings.schoolId,
    version,
    labels: {
      ...ST.labels,
      rounds: ST.rounds(year),
      roundsHelp: [ST.labels.roundsHelp, defaults].filter(Boolean).join(' '),
    },
    values: form,
    errors: {
      name: err('name'),
      region: err('region'),
      rounds: err('rounds'),
      digest: err('digest'),
      holidayRegion: err('holidayRegion'),
      closedDays: err('closedDays'),
      channelPostDetail: [err('channelPostDetail'), err('notifyOnAbsence'), err('mentorFollowsSignals')]
        .filter(Boolean)
        .join(' '),
    },
    rounds: ROUND_NUMBERS.map((n) => ({
      openId: roundInput(n, 'Open'),
      deadlineId: roundInput(n, 'Deadline'),
      openLabel: ST.roundOpen(n),
      deadlineLabel: ST.roundDeadline(n),
      open: form[roundInput(n, 'Open')],
      deadline: form[roundInput(n, 'Deadline')],
      error: err(`round${n}`),
    })),
    weekdayChoices: WEEK_ORDER.map((d) => ({ title: ST.weekdays[d], value: WEEKDAY_NAMES[d] })),
    regionChoices: [NO_REGION, ...HOLIDAY_REGIONS].map((r) => ({ title: ST.regions[r], value: r })),
    detailChoices: CHANNEL_POST_DETAILS.map((d) => ({ title: ST.details[d], value: d })),
    numbers: NUMBER_FIELDS.map((n) => ({
      id: n.id,
      label: ST.numbers[n.id],
      errorMessage: ST.numberMissing,
      max: n.max,
      value: form[n.id],
      error: err(n.id),
    })),
    roleLabels: ROLE_LABEL_KEYS.map((k) => ({
      id: labelInput(k),
      label: `${DEFAULT_ROLE_LABELS[k].one} (${k})`,
      placeholder: DEFAULT_ROLE_LABELS[k].one,
      value: form[labelInput(k)],
      error: err(labelInput(k)),
    })),
  });
}
