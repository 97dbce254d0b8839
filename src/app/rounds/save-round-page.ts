import { isLateSubmission, shouldOffer } from '../../domain/rounds';
import type { Level } from '../../domain/signal';
import { actorAt, type Person } from '../core/actors';
import type { AppPorts } from '../core/ports';
import { classPages, previousRoundId, type ClassPage } from './round-pages';
import type { PupilScore, RoundPageRecord, RoundPort, RoundRecord } from './round-ports';

export interface PageRef {
  schoolId: string;
  roundId: string;
  classId: string;
  page: number;
  /** The turn's correlation id, set on the audit entries. */
  correlationId?: string;
}

/** The page of a round as it stands: its pupils, last round's levels, and the saved version if any. */
export interface LoadedPage {
  round: RoundRecord;
  classPage: ClassPage;
  previous: Map<string, Level>;
  saved?: { doc: RoundPageRecord; etag: string };
}

export type PageRefusal = 'forged' | 'round-unknown' | 'page-unknown' | 'round-closed' | 'stale-page';

/** Only a prevention worker of the page's school may open or save it (roles from the store). */
export async function checkWorker(ports: AppPorts, person: Person, ref: PageRef, action: string): Promise<boolean> {
  const actor = actorAt(person, ref.schoolId);
  if (actor?.roles.includes('preventionWorker')) return true;
  await ports.audit.record({
    schoolId: ref.schoolId,
    actorId: person.userId || 'unknown',
    actorRoles: [...(actor?.roles ?? [])],
    action,
    correlationId: ref.correlationId,
    outcome: 'refused',
    code: 'forged',
    subject: `${ref.roundId}:${ref.classId}:${ref.page}`.slice(0, 120),
  });
  return false;
}

export async function loadPage(
  ports: AppPorts,
  rounds: RoundPort,
  ref: PageRef,
): Promise<{ ok: true; page: LoadedPage } | { ok: false; code: PageRefusal }> {
  const round = await rounds.getRound(ref.schoolId, ref.roundId);
  if (!round || round.doc.missed) return { ok: false, code: 'round-unknown' };
  const pages = classPages(await ports.directory.listPupils(ref.schoolId), ports.clock.now());
  const classPage = pages.find((p) => p.classId === ref.classId && p.page === ref.page);
  if (!classPage) return { ok: false, code: 'page-unknown' };
  const prevId = previousRoundId(ref.roundId);
  const [prevScores, saved] = await Promise.all([
    prevId
      ? rounds.scoresOf(
          ref.schoolId,
          [prevId],
          classPage.pupils.map((p) => p.id),
        )
      : Promise.resolve([]),
    rounds.getPage(ref.schoolId, ref.roundId, ref.classId, ref.page),
  ]);
  return {
    ok: true,
    page: { round: round.doc, classPage, previous: new Map(prevScores.map((s) => [s.pupilId, s.level])), saved },
  };
}

export type SaveOutcome =
  | { ok: true; page: LoadedPage; saved: RoundPageRecord; offers: string[] }
  | { ok: false; code: PageRefusal; page?: LoadedPage };

/**
 * Saves one page of the registration form (S7). The scores must cover exactly the page's pupils
 * (validated by the caller, field by field). A page saved after the deadline is accepted and
 * marked late; once the round is closed, a page already handed in on time can no longer change.
 * `version`: the savedAt of the page the card was drawn from ('' for a fresh page), so a page
 * the other worker saved in the meantime is not overwritten unseen.
 */
export async function saveRoundPage(
  ports: AppPorts,
  rounds: RoundPort,
  person: Person,
  ref: PageRef & { version: string; scores: PupilScore[] },
): Promise<SaveOutcome> {
  if (!(await checkWorker(ports, person, ref, 'round.savePage'))) return { ok: false, code: 'forged' };
  const loaded = await loadPage(ports, rounds, ref);
  if (!loaded.ok) return loaded;
  const page = loaded.page;
  const ids = new Set(page.classPage.pupils.map((p) => p.id));
  if (ref.scores.length !== ids.size || ref.scores.some((s) => !ids.has(s.pupilId)))
    return { ok: false, code: 'page-unknown', page };
  if (page.round.status === 'closed' && page.saved && !page.saved.doc.late)
    return { ok: false, code: 'round-closed', page };
  if (page.saved && page.saved.doc.savedAt !== ref.version) return { ok: false, code: 'stale-page', page };
  const now = ports.clock.now();
  const record: RoundPageRecord = {
    schoolId: ref.schoolId,
    roundId: ref.roundId,
    classId: ref.classId,
    className: page.classPage.className,
    page: ref.page,
    savedBy: person.userId,
    savedAt: now.toISOString(),
    late: isLateSubmission(
      { roundNo: page.round.roundNo, opensOn: page.round.opensOn, deadline: page.round.deadline },
      now,
    ),
    scores: ref.scores.map((s) => (s.note ? s : { pupilId: s.pupilId, level: s.level })),
  };
  if ((await rounds.savePage(record, page.saved?.etag)) === 'conflict') {
    const again = await loadPage(ports, rounds, ref);
    return { ok: false, code: 'stale-page', page: again.ok ? again.page : page };
  }
  const actor = actorAt(person, ref.schoolId)!;
  await ports.audit.record({
    schoolId: ref.schoolId,
    actorId: actor.userId,
    actorRoles: [...actor.roles],
    action: 'round.savePage',
    correlationId: ref.correlationId,
    outcome: 'ok',
    code: record.late ? 'late' : undefined,
    subject: `${ref.roundId}:${ref.classId}:${ref.page}`,
  });
  const offers = record.scores.filter((s) => shouldOffer(s.level, page.previous.get(s.pupilId))).map((s) => s.pupilId);
  return { ok: true, page: { ...page, saved: { doc: record, etag: '' } }, saved: record, offers };
}
