import type { TurnContext } from 'botbuilder';
import type { Person } from '../../app/core/actors';
import { actorAt } from '../../app/core/actors';
import { openableFor } from '../../app/rounds/round-overview';
import { pageKey } from '../../app/rounds/round-pages';
import type { PupilScore } from '../../app/rounds/round-ports';
import { checkWorker, loadPage, saveRoundPage, type LoadedPage } from '../../app/rounds/save-round-page';
import { correlationIdOf } from '../core/correlation';
import type { BotDeps } from '../core/bot-deps';
import type { CardJson } from '../core/render-card';
import { RT } from './round-texts';
import { refusalText } from '../core/refusal-texts';
import { personOf } from '../core/turn';
import { ROUND_NOTE_MAX, roundFormCard, roundSavedCard } from './round-views';
import { noticeCard } from '../core/notice-card';
import { roundOverviewCardFor, roundOverviewFor, roundsOf } from './round-command';
import { PupilRowSchema, RoundRefSchema, pupilFields, type RoundRef } from './round-schemas';

const pageRef = (ref: RoundRef, context: TurnContext) => ({
  schoolId: ref.schoolId,
  roundId: ref.roundId,
  classId: ref.classId!,
  page: ref.page!,
  correlationId: correlationIdOf(context),
});

/** The next page after this one, among the worker's classes, that nobody saved yet. */
async function nextOpenPage(
  deps: BotDeps,
  person: Person,
  page: LoadedPage,
): Promise<{ classId: string; page: number } | undefined> {
  const overview = await roundOverviewFor(deps, page.round.schoolId, page.round.roundId);
  if (!overview) return undefined;
  const actor = actorAt(person, page.round.schoolId);
  const me = overview.staff.find((s) => s.userId === actor?.userId);
  const mine = me ? openableFor(me, overview.pages) : new Set<string>();
  const at = overview.pages.findIndex((p) => p.classId === page.classPage.classId && p.page === page.classPage.page);
  const order = [...overview.pages.slice(at + 1), ...overview.pages.slice(0, Math.max(0, at))];
  const next = order.find((p) => mine.has(p.classId) && !overview.progress.pagesDone.has(pageKey(p.classId, p.page)));
  return next && { classId: next.classId, page: next.page };
}

async function savedCard(
  deps: BotDeps,
  person: Person,
  page: LoadedPage,
  offers: string[],
  message?: string,
): Promise<CardJson> {
  const saved = page.saved!.doc;
  const staff = await deps.ports.directory.listStaff(page.round.schoolId);
  const name = staff.find((s) => s.userId === saved.savedBy)?.displayName ?? '—';
  return roundSavedCard({
    round: page.round,
    classPage: page.classPage,
    saved,
    savedByName: name,
    previous: page.previous,
    offers,
    next: await nextOpenPage(deps, person, page),
    message,
  });
}

/**
 * round.openPage: with a class and page, that page of the form (with what was saved, if
 * anything); without, the round overview. Only prevention workers of the school open pages.
 */
export async function roundOpenPage(deps: BotDeps, context: TurnContext, data: unknown): Promise<CardJson> {
  const ref = RoundRefSchema.safeParse(data);
  if (!ref.success) return noticeCard(refusalText('invalid-card'));
  const person = await personOf(deps, context);
  if (ref.data.classId === undefined || ref.data.page === undefined) {
    const card = await roundOverviewCardFor(deps, person, ref.data.schoolId, ref.data.roundId);
    return card ?? noticeCard(refusalText('round-role'));
  }
  if (!(await checkWorker(deps.ports, person, pageRef(ref.data, context), 'round.openPage')))
    return noticeCard(refusalText('forged'));
  const loaded = await loadPage(deps.ports, roundsOf(deps), pageRef(ref.data, context));
  if (!loaded.ok) return noticeCard(refusalText(loaded.code));
  const { round, classPage, previous, saved } = loaded.page;
  return roundFormCard({ round, classPage, previous, saved: saved?.doc });
}

/** round.savePage: validates every pupil's row; errors re-draw the page with the input kept. */
export async function roundSavePage(deps: BotDeps, context: TurnContext, data: unknown): Promise<CardJson> {
  const ref = RoundRefSchema.safeParse(data);
  if (!ref.success || ref.data.classId === undefined || ref.data.page === undefined)
    return noticeCard(refusalText('invalid-card'));
  const person = await personOf(deps, context);
  if (!(await checkWorker(deps.ports, person, pageRef(ref.data, context), 'round.savePage')))
    return noticeCard(refusalText('forged'));
  const rounds = roundsOf(deps);
  const loaded = await loadPage(deps.ports, rounds, pageRef(ref.data, context));
  if (!loaded.ok) return noticeCard(refusalText(loaded.code));
  const page = loaded.page;
  const values = pupilFields(
    (data ?? {}) as Record<string, unknown>,
    page.classPage.pupils.map((p) => p.id),
  );
  const errors: Record<string, string> = {};
  const scores: PupilScore[] = [];
  for (const p of page.classPage.pupils) {
    const row = PupilRowSchema.safeParse({ level: values.level[p.id], note: values.note[p.id] });
    if (row.success)
      scores.push({ pupilId: p.id, level: row.data.level, ...(row.data.note ? { note: row.data.note } : {}) });
    else {
      const code = row.error.issues[0]?.message;
      errors[p.id] =
        code === 'noteRequired'
          ? RT.noteRequired
          : code === 'noteTooLong'
            ? RT.noteTooLong(ROUND_NOTE_MAX)
            : RT.levelRequired;
    }
  }
  const redraw = (notice: string, version: string, errs: Record<string, string> = {}) =>
    roundFormCard({
      round: page.round,
      classPage: page.classPage,
      previous: page.previous,
      values,
      errors: errs,
      notice,
      version,
    });
  if (Object.keys(errors).length > 0) return redraw(RT.fixErrors, ref.data.v, errors);

  const outcome = await saveRoundPage(deps.ports, rounds, person, {
    ...pageRef(ref.data, context),
    version: ref.data.v,
    scores,
  });
  if (!outcome.ok) {
    if (outcome.code === 'stale-page' && outcome.page?.saved)
      return redraw(refusalText('stale-page'), outcome.page.saved.doc.savedAt);
    if (outcome.code === 'round-closed' && outcome.page?.saved)
      return savedCard(deps, person, outcome.page, [], refusalText('round-closed'));
    return noticeCard(refusalText(outcome.code));
  }
  return savedCard(deps, person, outcome.page, outcome.offers);
}
