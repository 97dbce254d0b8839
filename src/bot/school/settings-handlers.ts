import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import {
  changeSchoolSettings,
  readSchoolSettings,
  refuseSettings,
  settingsSchools,
  type SettingsDeps,
} from '../../app/school/change-school-settings';
import { localDate } from '../../domain/amsterdam-time';
import { schoolYearStartOf } from '../../domain/calendar-date';
import type { BotDeps } from '../core/bot-deps';
import type { CardJson } from '../core/render-card';
import { noticeCard } from '../core/notice-card';
import { personOf } from '../core/turn';
import { correlationIdOf } from '../core/correlation';
import { schoolSettingsCard } from './settings-card';
import { errorsFromIssues, fileFromForm, formOf } from './settings-form';
import { ST } from './settings-texts';
import { refusalText } from '../core/refusal-texts';

/** The settings port, wired at start (src/start-bot.ts). */
const settingsOf = (deps: BotDeps): SettingsDeps | undefined => deps.schoolSettings;

/** The school year whose rounds the card edits: the one of today. */
const yearOf = (deps: BotDeps): number => schoolYearStartOf(localDate(deps.ports.clock.now()));

/**
 * `/instellingen`: the settings card of each school where this person is functioneel beheerder
 * (one card per school); anyone else is refused, and that is audited.
 */
export async function settingsCommand(deps: BotDeps, context: TurnContext): Promise<void> {
  const settings = settingsOf(deps);
  const person = await personOf(deps, context);
  const schools = settingsSchools(person);
  if (!settings || schools.length === 0) {
    if (settings)
      await refuseSettings(settings, person, person.actors[0]?.schoolId ?? '_none', correlationIdOf(context));
    await context.sendActivity(ST.refused);
    return;
  }
  const now = deps.ports.clock.now();
  for (const schoolId of schools) {
    const read = await readSchoolSettings(settings, person, schoolId, correlationIdOf(context));
    if (!read.ok) continue;
    await context.sendActivity(
      MessageFactory.attachment(
        CardFactory.adaptiveCard(schoolSettingsCard(read.settings, read.version, yearOf(deps), now)),
      ),
    );
  }
}

const SaveRefSchema = z.object({
  schoolId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  v: z.string().min(1).max(200),
});

/**
 * school.saveSettings: checks the card's inputs with the settings file's schema; errors come
 * back next to the fields with the input kept. A card older than the stored settings is refused
 * as stale and shows the current settings. Saved settings count from the next turn on.
 */
export async function settingsSubmit(deps: BotDeps, context: TurnContext, data: unknown): Promise<CardJson> {
  const settings = settingsOf(deps);
  const ref = SaveRefSchema.safeParse(data);
  if (!settings || !ref.success) return noticeCard(ST.refused);
  const person = await personOf(deps, context);
  const correlationId = correlationIdOf(context);
  const current = await readSchoolSettings(settings, person, ref.data.schoolId, correlationId);
  if (!current.ok) return noticeCard(current.code === 'school-unknown' ? refusalText(current.code) : ST.refused);
  const now = deps.ports.clock.now();
  const year = yearOf(deps);
  const form = formOf(data);
  const { file, errors } = fileFromForm(form, current.settings, year);
  const outcome = await changeSchoolSettings(settings, person, {
    schoolId: ref.data.schoolId,
    file,
    expectedVersion: ref.data.v,
    correlationId,
  });
  if (!outcome.ok && outcome.code === 'invalid') {
    const shown = { ...errorsFromIssues(outcome.issues, year), ...errors };
    return schoolSettingsCard(current.settings, ref.data.v, year, now, {
      form,
      errors: shown,
      status: { text: ST.invalid, color: 'Attention' },
    });
  }
  if (!outcome.ok && (outcome.code === 'not-allowed-role' || outcome.code === 'school-unknown'))
    return noticeCard(outcome.code === 'school-unknown' ? refusalText(outcome.code) : ST.refused);
  const fresh = await readSchoolSettings(settings, person, ref.data.schoolId, correlationId);
  if (!fresh.ok) return noticeCard(refusalText('school-unknown'));
  if (!outcome.ok) {
    const status = { text: outcome.code === 'stale' ? ST.stale : ST.busy, color: 'Attention' as const };
    return schoolSettingsCard(
      fresh.settings,
      fresh.version,
      year,
      now,
      outcome.code === 'stale' ? { status } : { status, form },
    );
  }
  const status =
    outcome.status === 'unchanged'
      ? { text: ST.unchanged, color: 'Good' as const }
      : { text: ST.saved(outcome.changes.length), color: 'Good' as const };
  return schoolSettingsCard(fresh.settings, fresh.version, year, now, { status });
}
