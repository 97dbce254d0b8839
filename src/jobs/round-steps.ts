import { log } from '../log';
import { openRound } from '../app/rounds/open-round';
import { activePreventionWorkers, classPages, roundProgress, roundWindowsAt } from '../app/rounds/round-pages';
import { roundClosedMessages, roundReminderMessages } from '../app/rounds/round-messages';
import { activeCoordinators } from '../app/rounds/round-close-summary';
import type { RoundPort } from '../app/rounds/round-ports';
import type { AppPorts } from '../app/core/ports';
import { dueRoundSteps, type DueRoundStep } from '../domain/rounds';
import { schoolClosedDays } from '../domain/school-closed-days';
import type { SchoolDoc } from '../store/schemas/directory-docs';
import type { Repositories } from '../store';
import type { Job } from './scheduler';

type RoundRepos = Pick<Repositories, 'directory' | 'rounds' | 'outbox' | 'leases'>;

/** The once-marker of one step of one round of one school: '<prefix>2026-1:open'. */
const markerPrefix = (schoolId: string) => `round:${schoolId}:`;

/**
 * S7: opens, reminds and closes the 1-2-3 rounds of every school. What is due comes from the
 * school's round windows and the clock (`dueRoundSteps`), minus the steps whose once-marker is
 * set, so a restart catches up on everything missed. Each step does idempotent work first (a
 * round doc created once, outbox keys that are deterministic) and sets its marker after, so with
 * several instances, or a crash in between, nothing is sent twice.
 */
export function roundStepsJob(ctx: { repos: RoundRepos }, holder: string): Job {
  const rounds: RoundPort = ctx.repos.rounds;
  const directory: AppPorts['directory'] = ctx.repos.directory;
  return {
    name: 'round-steps',
    async run(now) {
      for (const school of await ctx.repos.directory.listSchools()) {
        const prefix = markerPrefix(school.schoolId);
        const done = new Set(
          (await ctx.repos.leases.listMarkers(prefix, school.schoolId)).map((m) => m.slice(prefix.length)),
        );
        const due = dueRoundSteps(roundWindowsAt(school, now), now, done, { holidays: schoolClosedDays(school) });
        for (const step of due) {
          try {
            if (!step.superseded) await runStep(ctx.repos, rounds, directory, school, step, due, now);
            await ctx.repos.leases.claimOnce(prefix + step.key, holder, now, school.schoolId);
            log.info('round.step', { schoolId: school.schoolId, key: step.key, superseded: step.superseded });
          } catch (err) {
            log.error('round.step_failed', {
              schoolId: school.schoolId,
              key: step.key,
              error: String((err as Error)?.name ?? 'Error'),
            });
            break; // later steps of this school wait for the next tick, in order
          }
        }
      }
    },
  };
}

async function runStep(
  repos: RoundRepos,
  rounds: RoundPort,
  directory: AppPorts['directory'],
  school: SchoolDoc,
  step: DueRoundStep,
  due: DueRoundStep[],
  now: Date,
): Promise<void> {
  const window = roundWindowsAt(school, now).find((w) => w.roundNo === step.roundNo)!;
  if (step.step === 'open') {
    // Its deadline passed before it could open (a school set up mid-year, a long outage): record, send nothing.
    const missed = due.some((s) => s.roundId === step.roundId && s.step === 'close');
    await openRound({ directory }, rounds, { schoolId: school.schoolId, window, now, openedBy: 'scheduler', missed });
    return;
  }
  const current = await rounds.getRound(school.schoolId, step.roundId);
  if (!current) return;
  if (step.step === 'close') {
    if (current.doc.status === 'closed') return;
    // The coordinators' closing summary goes in the same batch as the status change: once, even with several instances.
    const coordinators = activeCoordinators(await repos.directory.listStaff(school.schoolId));
    const messages = roundClosedMessages(school.schoolId, step.roundId, coordinators);
    const outcome = await rounds.updateRound(
      { ...current.doc, status: 'closed', closedAt: now.toISOString() },
      current.etag,
      messages,
      now,
    );
    if (outcome === 'conflict') throw new Error('Round changed while closing');
    return;
  }
  // remind5 / remind1: only the prevention workers who still have pages left
  if (current.doc.status !== 'open') return;
  const [pupils, staff, saved] = await Promise.all([
    repos.directory.listPupils(school.schoolId),
    repos.directory.listStaff(school.schoolId),
    rounds.listPages(school.schoolId, step.roundId),
  ]);
  const workers = activePreventionWorkers(staff);
  const left = roundProgress(classPages(pupils, now), saved, workers)
    .perWorker.filter((w) => w.pagesLeft > 0)
    .map((w) => w.workerId);
  if (left.length > 0)
    await repos.outbox.enqueue(
      school.schoolId,
      roundReminderMessages(school.schoolId, step.roundId, step.step, left),
      now,
    );
}
