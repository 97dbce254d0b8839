import { hasRole, type Actor } from './roles';
import { ok, refuse, type Result } from './result';
import type { Signal } from './signal';
import { checkText } from './text';

/** Handing a worker's open cases over to another (coordinator, issue 16): the reason is required and audited. */
export const HANDOVER_REASON_MAX = 500;

export const HANDOVER_REFUSALS = [
  'handover-not-coordinator',
  'handover-same-worker',
  'target-not-prevention-worker',
  'handover-reason-missing',
  'text-too-long',
] as const;
export type HandoverRefusal = (typeof HANDOVER_REFUSALS)[number];

/**
 * May `actor` hand the cases of `fromId` to `toId` at her school, for this reason? Only a
 * coordinator of the school; both are prevention workers of that school (`isWorker`), not the same.
 */
export function checkHandover(args: {
  actor: Actor;
  fromId: string;
  toId: string;
  reason: string | undefined;
  isWorker: (userId: string) => boolean;
}): Result<{ reason: string }, HandoverRefusal> {
  if (!hasRole(args.actor, 'coordinator')) return refuse('handover-not-coordinator');
  if (!args.isWorker(args.fromId) || !args.isWorker(args.toId)) return refuse('target-not-prevention-worker');
  if (args.fromId === args.toId) return refuse('handover-same-worker');
  const reason = checkText(args.reason, HANDOVER_REASON_MAX, 'reason');
  if (!reason.ok) return reason.code === 'text-empty' ? refuse('handover-reason-missing') : refuse('text-too-long');
  return ok({ reason: reason.value });
}

/** The open cases of one worker (her casushouderschap), oldest first: what a handover moves. */
export const casesOf = (open: readonly Signal[], ownerId: string): Signal[] =>
  open
    .filter((s) => s.state !== 'closed' && s.ownerId === ownerId)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.reference.localeCompare(b.reference));
