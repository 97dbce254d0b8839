import { hasAnyRole, type Actor, type Role } from './roles';

/**
 * Who may see a pupil's whole story (every signal about the pupil, open and closed, and the
 * 1-2-3 scores per round): the care side of the school — prevention workers, the coordinator
 * and the OT members (supportTeam) — at that school only.
 */
export const STORY_ROLES: readonly Role[] = ['preventionWorker', 'coordinator', 'supportTeam'];

export const maySeePupilStory = (actor: Actor | undefined): actor is Actor => !!actor && hasAnyRole(actor, STORY_ROLES);
