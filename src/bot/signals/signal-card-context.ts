import type { Person } from '../../app/core/actors';
import { actorAt } from '../../app/core/actors';
import type { Signal } from '../../domain/signal';
import type { Actor } from '../../domain/roles';
import type { BotDeps } from '../core/bot-deps';
import { roleNamesAt } from '../core/role-names';
import type { CardJson } from '../core/render-card';
import { signalCard } from './signal-card-view';
import { pupilTrend } from '../../app/rounds/round-overview';

/** Who may read care notes on a signal (S5/S9): prevention workers, coordinators, the OT once escalated. */
export const seesCareNotes = (viewer: Actor, signal: Signal): boolean =>
  viewer.roles.includes('preventionWorker') ||
  viewer.roles.includes('coordinator') ||
  (viewer.roles.includes('supportTeam') && !!signal.escalation);

/** Draws the signal card for a viewer, loading pupil and staff names; `schoolName` labels it (a worker at several schools). */
export async function drawSignalCard(
  deps: BotDeps,
  viewer: Actor,
  signal: Signal,
  message?: string,
  messageColor?: 'Default' | 'Attention' | 'Good' | 'Warning',
  schoolName?: string,
): Promise<CardJson> {
  const [pupil, staff] = await Promise.all([
    deps.ports.directory.getPupil(signal.schoolId, signal.pupilId),
    deps.ports.directory.listStaff(signal.schoolId),
  ]);
  const showCareNotes = seesCareNotes(viewer, signal);
  // the pupil's 1-2-3 trend is care information too: only for those who see care notes
  const trend =
    showCareNotes && deps.rounds ? await pupilTrend(deps.rounds, signal.schoolId, signal.pupilId) : undefined;
  return signalCard({
    signal,
    pupil,
    staff,
    viewer,
    now: deps.ports.clock.now(),
    message,
    messageColor,
    showCareNotes,
    trend,
    names: await roleNamesAt(deps, signal.schoolId),
    schoolName,
  });
}

export const viewerAt = (person: Person, schoolId: string): Actor | undefined => actorAt(person, schoolId);
