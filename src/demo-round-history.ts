import { defaultRoundWindows } from './domain/round-windows';
import { windowRoundId } from './domain/round-windows';
import type { Level } from './domain/signal';
import { classPages } from './app/rounds/round-pages';
import type { RoundRecord } from './app/rounds/round-ports';
import type { Repositories } from './store';
import { log } from './log';

/**
 * The demo school's 1-2-3 history (local runs only, `npm start` / `npm run dev` with demo data):
 * the two rounds before the current school year's round 2 (2025-4 and 2026-1), closed, with
 * every class scored, mostly 1s and a few 2s. So a new user scoring round 2 sees last round's
 * score as the default and trends such as `1 → 2 → 3` on /ronde and on a signal card.
 * Idempotent: what exists is left alone. Not loaded in tests (they set up their own history).
 */
const HISTORY: Array<{ schoolYear: number; roundNo: 1 | 4 }> = [
  { schoolYear: 2025, roundNo: 4 },
  { schoolYear: 2026, roundNo: 1 },
];
/** Pupils (by position on their class page) with a 2 in the given round, per class name. */
const TWOS: Record<string, Record<string, number[]>> = {
  '2025-4': { '3B': [0] },
  '2026-1': { '1A': [2], '2A': [0, 1], '3B': [0, 3] },
};
const NOTES = ['Vaak te laat in de ochtend.', 'Trekt zich terug in de pauzes.', 'Cijfers wisselend sinds de zomer.'];

export async function seedDemoRoundHistory(
  repos: Pick<Repositories, 'directory' | 'rounds' | 'leases'>,
  schoolId: string,
  now: Date,
): Promise<void> {
  const pupils = await repos.directory.listPupils(schoolId);
  const worker = (await repos.directory.listStaff(schoolId)).find((s) => s.roles.includes('preventionWorker'));
  if (!worker) return;
  for (const { schoolYear, roundNo } of HISTORY) {
    const window = defaultRoundWindows(schoolYear).find((w) => w.roundNo === roundNo)!;
    const roundId = windowRoundId(window);
    const closedAt = new Date(`${window.deadline}T23:00:00.000Z`).toISOString();
    if (closedAt > now.toISOString()) continue;
    const round: RoundRecord = {
      schoolId,
      roundId,
      roundNo,
      opensOn: window.opensOn,
      deadline: window.deadline,
      status: 'closed',
      openedAt: `${window.opensOn}T07:00:00.000Z`,
      openedBy: 'scheduler',
      closedAt,
    };
    await repos.rounds.openRound(round, [], now);
    for (const page of classPages(pupils, new Date(`${window.deadline}T12:00:00.000Z`))) {
      const twos = TWOS[roundId]?.[page.className] ?? [];
      const scores = page.pupils.map((p, i) =>
        twos.includes(i)
          ? { pupilId: p.id, level: 2 as Level, note: NOTES[i % NOTES.length] }
          : { pupilId: p.id, level: 1 as Level },
      );
      await repos.rounds.savePage(
        {
          schoolId,
          roundId,
          classId: page.classId,
          className: page.className,
          page: page.page,
          savedBy: worker.userId,
          savedAt: `${window.deadline}T14:00:00.000Z`,
          late: false,
          scores,
        },
        undefined,
      ); // 'conflict' when it is already there: left as it is
    }
  }
  log.info('demo.round_history', { schoolId });
}
