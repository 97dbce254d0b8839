import { localDate } from '../../domain/amsterdam-time';
import { currentRound, windowRoundId, type RoundWindow } from '../../domain/rounds';
import { schoolClosedDays } from '../../domain/school-closed-days';
import { actorAt, type Person } from '../core/actors';
import type { AppPorts } from '../core/ports';
import { activePreventionWorkers, roundWindowsAt } from './round-pages';
import { roundOpenMessages } from './round-messages';
import type { RoundPort, RoundRecord } from './round-ports';

/**
 * Opens a round: the round doc and one overview message per prevention worker, in one batch.
 * Idempotent: a round that exists is left as it is ('exists'). `missed`: the round's deadline
 * had passed before it could be opened (a new school, or a long outage); it is recorded closed
 * and no forms go out.
 */
export async function openRound(
  ports: Pick<AppPorts, 'directory'>,
  rounds: RoundPort,
  args: { schoolId: string; window: RoundWindow; now: Date; openedBy: string; missed?: boolean; opensOn?: string },
): Promise<{ status: 'created' | 'exists'; round: RoundRecord }> {
  const roundId = windowRoundId(args.window);
  const existing = await rounds.getRound(args.schoolId, roundId);
  if (existing) return { status: 'exists', round: existing.doc };
  const round: RoundRecord = {
    schoolId: args.schoolId,
    roundId,
    roundNo: args.window.roundNo,
    opensOn: args.opensOn ?? args.window.opensOn,
    deadline: args.window.deadline,
    status: args.missed ? 'closed' : 'open',
    openedAt: args.now.toISOString(),
    openedBy: args.openedBy,
    ...(args.missed ? { closedAt: args.now.toISOString(), missed: true } : {}),
  };
  const workers = args.missed ? [] : activePreventionWorkers(await ports.directory.listStaff(args.schoolId));
  const status = await rounds.openRound(round, roundOpenMessages(args.schoolId, roundId, workers), args.now);
  return { status, round: status === 'created' ? round : (await rounds.getRound(args.schoolId, roundId))!.doc };
}

export type OpenNowOutcome =
  | { ok: true; status: 'created' | 'exists'; round: RoundRecord }
  | { ok: false; code: 'forged' | 'not-allowed-role' | 'no-round-window' };

/**
 * `/ronde open` (demo and Playground): a coordinator or admin opens the current round now; when
 * today is in no window, the next one of this school year opens early (it keeps its deadline, and
 * the scheduler later finds it open and sends nothing twice). Audited either way.
 */
export async function openRoundNow(
  ports: AppPorts,
  rounds: RoundPort,
  person: Person,
  schoolId: string,
  correlationId?: string,
): Promise<OpenNowOutcome> {
  const now = ports.clock.now();
  const actor = actorAt(person, schoolId);
  const audit = (outcome: 'ok' | 'refused', code?: string, subject?: string) =>
    ports.audit.record({
      schoolId,
      actorId: person.userId || 'unknown',
      actorRoles: [...(actor?.roles ?? [])],
      action: 'round.openNow',
      correlationId,
      outcome,
      code,
      subject,
    });
  if (!actor || !(actor.roles.includes('coordinator') || actor.roles.includes('admin'))) {
    await audit('refused', 'not-allowed-role');
    return { ok: false, code: 'not-allowed-role' };
  }
  const school = await ports.directory.getSchool(schoolId);
  const holidays = schoolClosedDays(school?.doc ?? {});
  const windows = roundWindowsAt(school?.doc ?? {}, now);
  const today = localDate(now);
  const window = currentRound(windows, now, holidays)?.window ?? windows.find((w) => w.opensOn > today);
  if (!window) {
    await audit('refused', 'no-round-window');
    return { ok: false, code: 'no-round-window' };
  }
  const opened = await openRound(ports, rounds, {
    schoolId,
    window,
    now,
    openedBy: actor.userId,
    opensOn: window.opensOn > today ? today : window.opensOn,
  });
  await audit('ok', opened.status, opened.round.roundId);
  return { ok: true, ...opened };
}
