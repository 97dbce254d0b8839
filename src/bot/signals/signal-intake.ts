import type { TurnContext } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import { indexPupils, searchIndexed, type PupilIndex } from '../../domain/pupil-search';
import type { Person } from '../../app/core/actors';
import type { PupilRecord } from '../../app/core/ports';
import type { BotDeps } from '../core/bot-deps';
import { roleNamesFor } from '../core/role-names';
import { T } from '../core/texts';
import { personOf } from '../core/turn';
import { correlationIdOf } from '../core/correlation';
import { auditPupilsShown } from '../../app/privacy/audit-pupil-reads';
import { intakeCard, pupilChoiceTitle } from './intake-view';
import { atSchool, schoolChoicesOf } from './school-board';
import { pupilChoiceValue } from '../core/pupil-label';
import { plainOf } from '../core/literal-text';

/** Static choices at most: keeps the card well under Teams' size limit. */
export const STATIC_CHOICES_MAX = 40;
export const SEARCH_RESULTS_MAX = 15;

async function pupilsOfPerson(deps: BotDeps, person: Person): Promise<PupilRecord[]> {
  const lists = await Promise.all(person.actors.map((a) => deps.ports.directory.listPupils(a.schoolId)));
  const now = deps.ports.clock.now().toISOString();
  return lists.flat().filter((p) => !p.leftAt || p.leftAt > now);
}

const toSearchable = (p: PupilRecord) => ({ ...p, id: pupilChoiceValue(p) });

/**
 * Search indexes per school pupil list. The directory hands out the same list object until the
 * school's roster is read again, so an index is built once per list, not on every keystroke.
 */
const indexes = new WeakMap<readonly PupilRecord[], { index: PupilIndex; byKey: Map<string, PupilRecord> }>();
function indexOf(pupils: readonly PupilRecord[]): { index: PupilIndex; byKey: Map<string, PupilRecord> } {
  let hit = indexes.get(pupils);
  if (!hit) {
    hit = { index: indexPupils(pupils.map(toSearchable)), byKey: new Map(pupils.map((p) => [pupilChoiceValue(p), p])) };
    indexes.set(pupils, hit);
  }
  return hit;
}

/** Pupils matching a query across the person's schools, best first, at most `limit`. */
export async function findPupils(deps: BotDeps, person: Person, query: string, limit: number): Promise<PupilRecord[]> {
  const lists = await Promise.all(person.actors.map((a) => deps.ports.directory.listPupils(a.schoolId)));
  const schools = lists.map(indexOf);
  // Pupils who left (whenever) are never in an index: the search finds only current pupils.
  return searchIndexed(
    schools.map((s) => s.index),
    query,
    limit,
  )
    .map((r) => schools.map((s) => s.byKey.get(r.id)).find(Boolean))
    .filter((p): p is PupilRecord => !!p);
}

/** The teacher's own classes and mentor group, for a card without a query. */
export async function ownPupils(deps: BotDeps, person: Person): Promise<PupilRecord[]> {
  const pupils = await pupilsOfPerson(deps, person);
  const classIds = new Set(person.staff.flatMap((s) => s.classIds.map((c) => `${s.schoolId}|${c}`)));
  return pupils
    .filter((p) => classIds.has(`${p.schoolId}|${p.classId}`) || p.mentorId === person.userId)
    .sort(
      (a, b) =>
        a.className.localeCompare(b.className, 'nl') ||
        a.lastName.localeCompare(b.lastName, 'nl') ||
        a.firstName.localeCompare(b.firstName, 'nl'),
    )
    .slice(0, STATIC_CHOICES_MAX);
}

/** /signaal [deel van een naam]: the intake card (S3). */
export async function signalCommand(deps: BotDeps, context: TurnContext, args: string): Promise<void> {
  const person = await personOf(deps, context);
  if (person.actors.length === 0) {
    await context.sendActivity(T.notAStaffMember);
    return;
  }
  const query = args.trim().slice(0, 100);
  const pupils = query ? await findPupils(deps, person, query, SEARCH_RESULTS_MAX) : await ownPupils(deps, person);
  const typeAhead = !deps.isPlayground(context.activity.serviceUrl);
  const notice = query && pupils.length === 0 ? T.intakeNoMatch(query, typeAhead) : undefined;
  await auditPupilsShown(deps.ports, person, pupils, 'pupil.list', correlationIdOf(context));
  // a board member picks the school; it starts at the school of the first pupil shown
  const schools = await schoolChoicesOf(deps, person);
  const values = {
    school: schools.length ? (pupils[0]?.schoolId ?? schools[0].value) : '',
    ...(pupils.length === 1 ? { pupil: pupilChoiceValue(pupils[0]) } : {}),
  };
  const card = intakeCard({ pupils, typeAhead, notice, values, names: await roleNamesFor(deps, person), schools });
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

/**
 * Data.Query type-ahead for the pupil field (application/search invoke). A board member's card
 * sends the chosen school along (`value.data.school`): only that school's pupils are searched.
 */
export async function pupilSearch(
  deps: BotDeps,
  context: TurnContext,
  queryText: string,
  count: number,
): Promise<{ title: string; value: string }[]> {
  const everywhere = await personOf(deps, context);
  const chosen = (context.activity.value as { data?: { school?: unknown } } | undefined)?.data?.school;
  const person = typeof chosen === 'string' && chosen ? atSchool(everywhere, chosen) : everywhere;
  if (person.actors.length === 0) return [];
  const q = String(queryText ?? '').slice(0, 100);
  const pupils = (
    q.trim()
      ? await findPupils(deps, person, q, Math.min(SEARCH_RESULTS_MAX, Math.max(1, count || SEARCH_RESULTS_MAX)))
      : await ownPupils(deps, person)
  ).slice(0, SEARCH_RESULTS_MAX);
  await auditPupilsShown(deps.ports, person, pupils, 'pupil.search', correlationIdOf(context));
  // a typeahead answer is plain text, not a card: the user-text marks are removed
  const schools = await schoolChoicesOf(deps, person);
  return pupils.map((p) => ({ title: plainOf(pupilChoiceTitle(p, schools)), value: pupilChoiceValue(p) }));
}
