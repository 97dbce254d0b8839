import type { TurnContext } from 'botbuilder';
import { CardFactory, MessageFactory } from 'botbuilder';
import type { Actor } from '../../domain/roles';
import { reporterStatus } from '../../domain/signal-lifecycle';
import type { Signal } from '../../domain/signal';
import type { BotDeps } from '../core/bot-deps';
import type { CardJson } from '../core/render-card';
import { HT, REPORTER_WORDS } from './signal-handling-texts';
import { STATE_LABELS, T, formatDateTime } from '../core/texts';
import { personOf } from '../core/turn';
import { pupilLabel } from '../core/pupil-label';
import { drawSignalCard } from './signal-card-context';
import { schoolLabelOf } from './school-board';
import { sendAwayColleaguesCases } from '../handover/away-colleagues-cases';
import { LISTS, listCard } from './signal-list-card';
import { sendMentorGroupPage } from './mentor-signals';

/** Cards per caseload page: each is its own message, so a page stays within Teams' per-chat rate. */
export const CASELOAD_PAGE = 6;
/** Rows per page of the reporter's list (one card). */
export const REPORTED_PAGE = 15;
export { LISTS, type ListName } from './signal-list-card';

const STATE_ORDER = ['new', 'claimed', 'inProgress', 'escalated', 'watch', 'aftercare'];

const attach = (card: CardJson) => MessageFactory.attachment(CardFactory.adaptiveCard(card));

/**
 * /mijn: a prevention worker's caseload (cards, by state, oldest first), then the cases of a
 * colleague who is away (issue 16); a reporter's own signals;
 * a mentor's signals about pupils of her mentor group (issue 16).
 */
export async function mySignalsCommand(deps: BotDeps, context: TurnContext): Promise<void> {
  const person = await personOf(deps, context);
  if (person.actors.length === 0) {
    await context.sendActivity(T.notAStaffMember);
    return;
  }
  for (const actor of person.actors) {
    if (actor.roles.includes('preventionWorker')) {
      await sendCaseloadPage(deps, context, actor, 0);
      await sendAwayColleaguesCases(deps, context, actor);
    }
    const mine = await deps.ports.signals.listByReporter(actor.schoolId, actor.userId);
    if (!actor.roles.includes('preventionWorker') || mine.length > 0)
      await context.sendActivity(attach(await reportedPage(deps, actor, 0)));
    await sendMentorGroupPage(deps, context, actor);
  }
}

/** The worker's caseload: unclaimed signals and their own, grouped by state, oldest first within a state. */
export async function caseloadOf(deps: BotDeps, actor: Actor): Promise<Signal[]> {
  return (await deps.ports.signals.listOpen(actor.schoolId))
    .filter((s) => !s.ownerId || s.ownerId === actor.userId)
    .sort(
      (a, b) =>
        STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) ||
        a.createdAt.localeCompare(b.createdAt) ||
        a.reference.localeCompare(b.reference),
    );
}

/**
 * Sends one page of the caseload: on the first page a summary by state; a heading where a state
 * group starts; each signal as its own card; and, when more follow, a card with 'Volgende'.
 * Returns the page's range for the caller's answer card.
 */
export async function sendCaseloadPage(
  deps: BotDeps,
  context: TurnContext,
  actor: Actor,
  page: number,
): Promise<{ from: number; to: number; total: number }> {
  // a worker at several schools of a board sees each school's caseload under its name
  const [open, school] = await Promise.all([caseloadOf(deps, actor), schoolLabelOf(deps, actor)]);
  if (open.length === 0) {
    await context.sendActivity(school ? HT.noOpenSignalsAt(school) : T.noOpenSignals);
    return { from: 0, to: 0, total: 0 };
  }
  const pages = Math.ceil(open.length / CASELOAD_PAGE);
  const p = Math.min(Math.max(0, page), pages - 1);
  const slice = open.slice(p * CASELOAD_PAGE, (p + 1) * CASELOAD_PAGE);
  // one state only: the heading gives the total, the state's heading no count (the same number twice)
  const oneState = open.every((s) => s.state === open[0].state);
  if (p === 0) await context.sendActivity(HT.caseloadHeader(open.length, school));
  let group = '';
  for (const s of slice) {
    if (s.state !== group) {
      group = s.state;
      const n = open.filter((x) => x.state === s.state).length;
      await context.sendActivity(HT.caseloadGroup(STATE_LABELS[s.state], oneState ? undefined : n));
    }
    await context.sendActivity(attach(await drawSignalCard(deps, actor, s, undefined, undefined, school)));
  }
  const range = { from: p * CASELOAD_PAGE + 1, to: p * CASELOAD_PAGE + slice.length, total: open.length };
  if (p < pages - 1)
    await context.sendActivity(
      attach(
        listCard({
          title: HT.pageTitle(range.from, range.to, range.total),
          text: HT.pageMore,
          list: LISTS.caseload,
          schoolId: actor.schoolId,
          page: p,
          pages,
        }),
      ),
    );
  return range;
}

/** The reporter's own signals, open ones first, newest first: one card per page. */
export async function reportedPage(deps: BotDeps, actor: Actor, page: number): Promise<CardJson> {
  const school = await schoolLabelOf(deps, actor);
  const heading = school ? HT.reportedTitleAt(school) : HT.reportedTitle;
  const mine = (await deps.ports.signals.listByReporter(actor.schoolId, actor.userId)).sort(
    (a, b) =>
      Number(a.state === 'closed') - Number(b.state === 'closed') ||
      b.createdAt.localeCompare(a.createdAt) ||
      b.reference.localeCompare(a.reference),
  );
  if (mine.length === 0)
    return listCard({
      title: heading,
      text: HT.reportedNone,
      list: LISTS.reported,
      schoolId: actor.schoolId,
      page: 0,
      pages: 1,
    });
  const pages = Math.ceil(mine.length / REPORTED_PAGE);
  const p = Math.min(Math.max(0, page), pages - 1);
  const slice = mine.slice(p * REPORTED_PAGE, (p + 1) * REPORTED_PAGE);
  const pupils = await Promise.all(slice.map((s) => deps.ports.directory.getPupil(s.schoolId, s.pupilId)));
  const facts = slice.map((s, i) => ({
    title: s.reference,
    value: `${pupils[i] ? pupilLabel(pupils[i]) + ' — ' : ''}${REPORTER_WORDS[reporterStatus(s)] ?? s.state} · ${HT.listRaisedAt(formatDateTime(s.createdAt))}`,
  }));
  const openCount = mine.filter((s) => s.state !== 'closed').length;
  const title =
    pages > 1
      ? `${heading} — ${HT.pageTitle(p * REPORTED_PAGE + 1, p * REPORTED_PAGE + slice.length, mine.length)}`
      : heading;
  return listCard({
    title,
    text: HT.reportedCount(openCount, mine.length),
    facts,
    list: LISTS.reported,
    schoolId: actor.schoolId,
    page: p,
    pages,
    withPrevious: true,
  });
}

/** The card that replaces a clicked 'Volgende' of the caseload: the range now shown below it. */
export function caseloadPageAnswer(range: { from: number; to: number; total: number }, schoolId: string): CardJson {
  const last = range.to >= range.total;
  return listCard({
    title: range.total ? HT.pageTitle(range.from, range.to, range.total) : T.noOpenSignals,
    text: last ? HT.pageLast : '',
    list: LISTS.caseload,
    schoolId,
    page: 0,
    pages: 1,
  });
}
