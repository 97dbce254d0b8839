import { maySeePupilStory } from '../../domain/pupil-story';
import type { Level, Signal } from '../../domain/signal';
import type { Actor } from '../../domain/roles';
import { actorAt, type Person } from '../core/actors';
import type { AppPorts, PupilRecord } from '../core/ports';
import { recentRoundIds } from '../rounds/round-pages';
import type { RoundPort } from '../rounds/round-ports';

/** The rounds of one school year: the trend on the story card. */
export const STORY_ROUNDS = 4;

/** Audit action of reading a pupil's story (S9: a read of pupil data). */
export const STORY_READ = 'pupil.story';

export interface RoundLevel {
  roundId: string;
  level?: Level;
}

export type PupilStory =
  | { ok: true; viewer: Actor; pupil: PupilRecord; signals: Signal[]; rounds: RoundLevel[] }
  | { ok: false; code: 'story-not-allowed' | 'pupil-not-found' };

/** The schools where this person may read pupils' stories (the pupil search runs per school). */
export const storySchools = (person: Person): Actor[] => person.actors.filter((a) => maySeePupilStory(a));

/** A refused look at a pupil's story, audited (the wrong role, or a forged card). */
export async function refuseStory(
  ports: AppPorts,
  person: Person,
  schoolId: string,
  pupilId?: string,
  correlationId?: string,
): Promise<{ ok: false; code: 'story-not-allowed' }> {
  const actor = actorAt(person, schoolId);
  await ports.audit.record({
    schoolId,
    actorId: person.userId || 'unknown',
    actorRoles: actor ? [...actor.roles] : [],
    action: STORY_READ,
    outcome: 'refused',
    code: 'story-not-allowed',
    pupilId,
    correlationId,
  });
  return { ok: false, code: 'story-not-allowed' };
}

/**
 * A pupil's whole story at one school (issue 16): every signal about the pupil, open and closed,
 * newest first, and the pupil's 1-2-3 level in each of the school's recent rounds. Only for the
 * care roles of that school; the read is audited like /audit and /inzage audit theirs.
 */
export async function pupilStory(
  ports: AppPorts,
  rounds: RoundPort | undefined,
  person: Person,
  schoolId: string,
  pupilId: string,
  correlationId?: string,
): Promise<PupilStory> {
  const viewer = actorAt(person, schoolId);
  if (!maySeePupilStory(viewer)) return refuseStory(ports, person, schoolId, pupilId, correlationId);
  const pupil = await ports.directory.getPupil(schoolId, pupilId);
  if (!pupil) return { ok: false, code: 'pupil-not-found' };
  const [signals, levels] = await Promise.all([
    ports.signals.listByPupil(schoolId, pupilId),
    roundLevels(rounds, schoolId, pupilId),
  ]);
  await ports.audit.record({
    schoolId,
    actorId: viewer.userId,
    actorRoles: [...viewer.roles],
    action: STORY_READ,
    outcome: 'ok',
    pupilId,
    correlationId,
  });
  return { ok: true, viewer, pupil, signals, rounds: levels };
}

/** The pupil's level in each of the school's last rounds, oldest first (a round without a score has none). */
async function roundLevels(rounds: RoundPort | undefined, schoolId: string, pupilId: string): Promise<RoundLevel[]> {
  if (!rounds) return [];
  const latest = (await rounds.listRounds(schoolId, 1))[0];
  if (!latest) return [];
  const ids = recentRoundIds(latest.roundId, STORY_ROUNDS);
  const scores = await rounds.scoresOf(schoolId, ids, [pupilId]);
  return ids.map((roundId) => ({ roundId, level: scores.find((s) => s.roundId === roundId)?.level }));
}
