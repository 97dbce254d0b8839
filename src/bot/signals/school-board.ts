import type { Actor } from '../../domain/roles';
import type { Person } from '../../app/core/actors';
import type { BotDeps } from '../core/bot-deps';
import type { SchoolChoice } from './intake-view';

/**
 * A school board: one person can work at several schools of one tenant (a prevention worker, an
 * ondersteuningscoördinator). The intake card then asks at which school the signal is raised and
 * searches that school's pupils; lists and cards name the school each item belongs to. What is
 * shown still comes per school: the person's actor there (roles of that school only).
 */

/** A school id as a card or a search invoke may name it (the same rule as a pupil choice's). */
export const SCHOOL_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The person's schools by name when there are several; none for one school (no choice to make). */
export async function schoolChoicesOf(deps: BotDeps, person: Person): Promise<SchoolChoice[]> {
  if (person.actors.length < 2) return [];
  const schools = await Promise.all(person.actors.map((a) => deps.ports.directory.schoolSettings(a.schoolId)));
  return person.actors
    .map((a, i) => ({ title: schools[i]?.name ?? a.schoolId, value: a.schoolId }))
    .sort((a, b) => a.title.localeCompare(b.title, 'nl'));
}

/** The person as staff of one school only: whatever they see there is that school's. No actors when they do not work there. */
export const atSchool = (person: Person, schoolId: string): Person => ({
  ...person,
  staff: person.staff.filter((s) => s.schoolId === schoolId),
  actors: person.actors.filter((a) => a.schoolId === schoolId),
});

/**
 * The school an intake submit raises its signal at: the school the card names, else the pupil's.
 * A pupil of another of the person's own schools than the chosen one is a mistake to point out
 * (`mismatch`). A school or pupil the person does not work at is passed on as it is: the use case
 * refuses and audits it.
 */
export function schoolOfSubmit(
  person: Person,
  chosenSchoolId: string,
  pupilSchoolId: string,
): { schoolId: string; mismatch: boolean } {
  const worksAt = (id: string) => person.actors.some((a) => a.schoolId === id);
  if (!chosenSchoolId || chosenSchoolId === pupilSchoolId) return { schoolId: pupilSchoolId, mismatch: false };
  if (!worksAt(pupilSchoolId)) return { schoolId: pupilSchoolId, mismatch: false };
  return { schoolId: chosenSchoolId, mismatch: worksAt(chosenSchoolId) };
}

/** The school's name when the actor's person works at several schools (their lists are labelled with it), else ''. */
export async function schoolLabelOf(deps: BotDeps, actor: Actor): Promise<string> {
  const schools = new Set(
    (await deps.ports.directory.findStaffByUser(actor.userId)).filter((s) => !s.leftAt).map((s) => s.schoolId),
  );
  if (schools.size < 2) return '';
  return (await deps.ports.directory.schoolSettings(actor.schoolId))?.name ?? actor.schoolId;
}
